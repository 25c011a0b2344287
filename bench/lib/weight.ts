// Page weight: load a page in Chromium (a fresh profile, so nothing is cached), keep every
// response the page itself fetched, and add up JavaScript, CSS and HTML, as sent and as gzip
// and brotli would send them (adapter-node serves its built files precompressed; HTML and data
// are compressed by whatever sits in front of Hearth).
import type { Browser } from '@playwright/test';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Bytes {
	raw: number;
	gzip: number;
	brotli: number;
}
export interface PageWeight {
	js: Bytes;
	css: Bytes;
	html: Bytes;
	/** Everything else the page fetched: data, images, icons, the manifest. */
	other: Bytes;
	requests: number;
	/** JavaScript files the page loaded, by path, with their brotli size. */
	scripts: { path: string; brotli: number }[];
}

const zero = (): Bytes => ({ raw: 0, gzip: 0, brotli: 0 });

export function compressedSizes(body: Buffer): Bytes {
	return {
		raw: body.length,
		gzip: gzipSync(body, { level: 9 }).length,
		brotli: brotliCompressSync(body, {
			params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY }
		}).length
	};
}

export async function weighPage(
	browser: Browser,
	url: string,
	cookie?: { name: string; value: string }
): Promise<PageWeight> {
	// Service workers are blocked here: what they keep for offline is measured apart (offlineWeight).
	const context = await browser.newContext({ serviceWorkers: 'block' });
	if (cookie) await context.addCookies([{ ...cookie, url }]);
	const page = await context.newPage();
	const weight: PageWeight = {
		js: zero(),
		css: zero(),
		html: zero(),
		other: zero(),
		requests: 0,
		scripts: []
	};
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		pending.push(
			(async () => {
				const body = await response.body().catch(() => Buffer.alloc(0));
				const type = response.request().resourceType();
				const kind =
					type === 'script'
						? 'js'
						: type === 'stylesheet'
							? 'css'
							: type === 'document'
								? 'html'
								: 'other';
				const sizes = compressedSizes(body);
				for (const key of ['raw', 'gzip', 'brotli'] as const) weight[kind][key] += sizes[key];
				weight.requests++;
				if (kind === 'js')
					weight.scripts.push({ path: new URL(response.url()).pathname, brotli: sizes.brotli });
			})()
		);
	});
	const response = await page.goto(url, { waitUntil: 'networkidle' });
	if (!response || response.status() >= 400)
		throw new Error(`${url} answered ${response?.status()} while weighing it`);
	if (new URL(page.url()).pathname !== new URL(url).pathname)
		throw new Error(`${url} went to ${page.url()} while weighing it: is the session right?`);
	await Promise.all(pending);
	await context.close();
	return weight;
}
