// Server throughput with autocannon on loopback: requests a second and latency percentiles.
import autocannon from 'autocannon';

export interface Throughput {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	/** Responses that were not what a person would get (non-2xx, or not the expected redirect). */
	unexpected: number;
	errors: number;
	total: number;
}

export interface Target {
	url: string;
	cookie?: string;
	/** For a form post: the body for each request (called per request, so each can differ). */
	form?: () => string;
	/** The status a correct answer has: 200 for pages, 303 for a form that redirects. */
	expect?: number;
}

export async function measureThroughput(
	target: Target,
	seconds: number,
	connections = 10
): Promise<Throughput> {
	const url = new URL(target.url);
	const headers: Record<string, string> = {};
	if (target.cookie) headers.cookie = target.cookie;
	const expect = target.expect ?? 200;
	const statuses = new Map<number, number>();
	// Without a callback autocannon returns its instance, which is also a promise of the result.
	const instance = autocannon({
		url: url.origin,
		connections,
		duration: seconds,
		requests: [
			target.form
				? {
						method: 'POST',
						path: url.pathname + url.search,
						headers: {
							...headers,
							origin: url.origin,
							'content-type': 'application/x-www-form-urlencoded',
							accept: 'text/html'
						},
						setupRequest: (request) => ({ ...request, body: target.form!() })
					}
				: { method: 'GET', path: url.pathname + url.search, headers }
		]
	}) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
	instance.on('response', (_client: unknown, statusCode: number) =>
		statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1)
	);
	const result = await instance;
	const total = [...statuses.values()].reduce((a, b) => a + b, 0);
	return {
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		unexpected: total - (statuses.get(expect) ?? 0),
		errors: result.errors + result.timeouts,
		total
	};
}
