// Hearth's HTTP server: adapter-node's handler (build/handler.js) behind the headers that every
// response must carry. adapter-node serves static files, /_app, the service worker and the
// prerendered offline page before SvelteKit's hooks run, and a redirect thrown by a hook skips
// them too, so these are set here, first; a page SvelteKit renders replaces the baseline CSP with
// its full policy (svelte.config.js). Started by scripts/serve.js (`npm start`) and the tests.
import http from 'node:http';
import process from 'node:process';

/** On every response. The CSP here only forbids framing, plugins and <base>: it must not stop the
 * service worker's fetches or the offline page's own (hashed) scripts, which a fuller one would. */
export const BASELINE_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'same-origin',
	'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
};

// Imported by address, so that type checks do not wander into the built code.
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);

const server = http.createServer((req, res) => {
	for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});

// While stopping, a keep-alive connection is closed as soon as its last request is answered.
server.on('request', (req) => req.on('close', () => stopping && server.closeIdleConnections()));

server.listen(port, host, () =>
	console.log(
		`Hearth is running at ${process.env.ORIGIN ?? `http://${host}:${port}`} (listening on ${host}:${port})`
	)
);

let stopping = false;
/** Finish what is in flight, then stop (as adapter-node's own server does). */
function stop() {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => {
		// @ts-expect-error adapter-node's own event, which SvelteKit apps may listen for
		process.emit('sveltekit:shutdown', 'SIGTERM');
		process.exit(0);
	});
	setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
