/**
 * Push services Hearth will post to. A subscription names a URL that our server then calls, so
 * only the browsers' own push services are allowed (no requests into the council's network).
 */
const PUSH_HOST_SUFFIXES = [
	'fcm.googleapis.com',
	'push.services.mozilla.com',
	'notify.windows.com',
	'push.apple.com'
];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedPushEndpoint(endpoint: string): boolean {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return false;
	}
	const extra = (process.env.HEARTH_PUSH_HOSTS ?? '')
		.split(',')
		.map((h) => h.trim())
		.filter(Boolean);
	// A push service on this machine, for tests only: switched on by HEARTH_PUSH_ALLOW_LOOPBACK=1.
	if (LOOPBACK.has(url.hostname)) return process.env.HEARTH_PUSH_ALLOW_LOOPBACK === '1';
	if (url.protocol === 'https:') {
		return [...PUSH_HOST_SUFFIXES, ...extra].some(
			(suffix) => url.hostname === suffix || url.hostname.endsWith('.' + suffix)
		);
	}
	// A push service on this machine, for tests only: switched on by HEARTH_PUSH_ALLOW_LOOPBACK=1.
	return (
		url.protocol === 'http:' &&
		LOOPBACK.has(url.hostname) &&
		process.env.HEARTH_PUSH_ALLOW_LOOPBACK === '1'
	);
}
