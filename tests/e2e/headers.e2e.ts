import { expect, test } from '@playwright/test';
import { DEMO_ORIGIN } from './ports';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

/*
 * Every kind of response carries the headers that stop sniffing and framing. On dedd82c what
 * adapter-node serves before the hooks (static files, /_app, the service worker, icons, the
 * manifest, the prerendered offline page) and redirects thrown by a hook had none of them, and an
 * HTML error page from an endpoint had no CSP.
 */

async function headersOf(path: string, accept = 'text/html') {
	const response = await fetch(DEMO_ORIGIN + path, { headers: { accept }, redirect: 'manual' });
	return { status: response.status, headers: response.headers };
}

test('each kind of response has nosniff, and each HTML one a CSP that forbids framing', async () => {
	const page = await (await fetch(`${DEMO_ORIGIN}/help`)).text();
	const immutable = /\/_app\/immutable\/[^"]+\.(js|css)/.exec(page)?.[0];
	expect(immutable, 'a built file the page uses').toBeTruthy();
	const kinds: [what: string, path: string, status: number, html: boolean, accept?: string][] = [
		['a page', '/help', 200, true],
		['the prerendered offline page', '/offline', 200, true],
		['a static file', '/robots.txt', 200, false],
		['the manifest', '/manifest.webmanifest', 200, false],
		['an icon', '/icons/icon-192.png', 200, false],
		['the service worker', '/service-worker.js', 200, false],
		['a built file', immutable!, 200, false],
		['the app version', '/_app/version.json', 200, false],
		['a redirect thrown by a hook', '/me', 303, false],
		['an HTML error page from an endpoint', '/council-logo', 404, true],
		['an endpoint refusing a method', '/api/push', 405, false, 'application/json'],
		['a page that is not there', '/no-such-page', 404, true],
		['a path that cannot be decoded', '/me/%FF', 400, true]
	];
	const problems: string[] = [];
	for (const [what, path, status, html, accept] of kinds) {
		const answer = await headersOf(path, accept);
		const h = answer.headers;
		if (answer.status !== status) problems.push(`${what}: status ${answer.status}, not ${status}`);
		if (h.get('x-content-type-options') !== 'nosniff') problems.push(`${what}: no nosniff`);
		if (h.get('x-frame-options') !== 'DENY') problems.push(`${what}: no X-Frame-Options`);
		const csp = h.get('content-security-policy') ?? '';
		if (!csp.includes("frame-ancestors 'none'")) problems.push(`${what}: no frame-ancestors`);
		if (html) {
			if (!h.get('content-type')?.startsWith('text/html')) problems.push(`${what}: not HTML`);
			if (!csp.includes("base-uri 'none'")) problems.push(`${what}: no base-uri in the CSP`);
		}
	}
	expect(problems).toEqual([]);
});

test("an endpoint's HTML error page allows no script at all", async () => {
	const { headers } = await headersOf('/council-logo');
	expect(headers.get('content-security-policy')).toContain("default-src 'none'");
});

test('the offline page still runs offline: the baseline CSP does not block its own scripts', async ({
	page
}) => {
	const blocked: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
	});
	await page.goto(`${DEMO_ORIGIN}/offline`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(blocked).toEqual([]);
});
