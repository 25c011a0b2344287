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

/**
 * Whether Hearth may post to this push subscription's endpoint: https on the standard port (443,
 * which the URL parser writes as no port) to one of the browsers' push services, with no user
 * name or password in it. Any other port on an allowed host could reach something that is not a
 * push service (`https://fcm.googleapis.com:22/...`).
 */
export function isAllowedPushEndpoint(endpoint: string): boolean {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return false;
	}
	if (url.username || url.password) return false;
	// A push service on this machine, for tests only: switched on by HEARTH_PUSH_ALLOW_LOOPBACK=1.
	if (LOOPBACK.has(url.hostname))
		return (
			process.env.HEARTH_PUSH_ALLOW_LOOPBACK === '1' &&
			(url.protocol === 'http:' || url.protocol === 'https:')
		);
	if (url.protocol !== 'https:' || url.port !== '') return false;
	const extra = (process.env.HEARTH_PUSH_HOSTS ?? '')
		.split(',')
		.map((h) => h.trim())
		.filter(Boolean);
	return [...PUSH_HOST_SUFFIXES, ...extra].some(
		(suffix) => url.hostname === suffix || url.hostname.endsWith('.' + suffix)
	);
}
