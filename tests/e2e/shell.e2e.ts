import {
	expect,
	expectAccessible,
	expectFitsWidth,
	readDemoDatabase,
	signIn,
	signOut,
	test
} from './fixtures';
import { DEMO_ORIGIN } from './ports';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

const PUBLIC_PAGES = ['/', '/signin', '/join', '/help', '/privacy', '/offline'];

for (const path of PUBLIC_PAGES) {
	test(`public page ${path} is accessible and fits a 320px phone`, async ({ page }) => {
		await page.goto(path);
		await expectAccessible(page);
		await expectFitsWidth(page);
	});
}

test('signed-in pages fit a 320px phone', async ({ page }) => {
	await signIn(page, 'jayden');
	await expectFitsWidth(page);
	await page.goto('/account/password');
	await expectFitsWidth(page);
	await signOut(page);
	await signIn(page, 'admin');
	for (const path of [
		'/admin',
		'/admin/accounts',
		'/admin/audit',
		'/admin/settings',
		'/admin/invite'
	]) {
		await page.goto(path);
		await expectFitsWidth(page);
		await expectAccessible(page);
	}
});

test('security headers are sent on every page', async ({ page }) => {
	// A page without the framework: no inline script at all, so scripts only from Hearth itself.
	const plain = (await page.goto('/signin'))!.headers();
	expect(plain['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
	// A page the framework runs: its own inline start-up script, by nonce, and nothing else inline.
	const headers = (await page.goto('/join'))!.headers();
	const csp = headers['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("object-src 'none'");
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	for (const policy of [csp, plain['content-security-policy']])
		expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['permissions-policy']).toContain('camera=()');
});

test('young people’s pages and the public pages load no framework, only a small script', async ({
	as
}) => {
	const amira = await as('amira');
	for (const path of ['/me', '/me/say/feeling', '/pledge', '/offer', '/signin']) {
		const scripts: string[] = [];
		amira.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
		});
		await amira.goto(path);
		await amira.waitForLoadState('networkidle');
		// A statement form also loads the draft keeper (src/lib/client-scripts/drafts.ts, under 1 KiB).
		expect(scripts, path).toEqual(
			path.startsWith('/me/say/') ? ['/enhance.js', '/drafts.js'] : ['/enhance.js']
		);
		amira.removeAllListeners('request');
	}
	// What the small script does: the print button works, so it is shown.
	await amira.goto('/pledge');
	await expect(amira.getByRole('button', { name: 'Print this page' })).toBeVisible();
});

test('a form posted from another site is refused', async ({ request }) => {
	const response = await request.post('/signin', {
		form: { username: 'tyler', password: 'brightwater' },
		headers: { origin: 'https://evil.example' }
	});
	expect(response.status()).toBe(403);
});

test('cross-site posts are refused whatever the content type says, forms and JSON alike', async ({
	as
}) => {
	// A signed-in young person visits a hostile page that posts to Hearth with their cookie.
	const dan = await as('dan');
	const evil = { origin: 'https://evil.example' };
	const key = (n: number) => `csrf-probe-key-${n}`;
	const variants = [
		'application/x-www-form-urlencoded',
		'APPLICATION/X-WWW-FORM-URLENCODED',
		'application/x-www-form-urlencoded; charset=UTF-8',
		'multipart/form-data; boundary=hearth',
		'text/plain',
		'Text/Plain;charset=UTF-8',
		' text/plain'
	];
	for (const [n, type] of variants.entries()) {
		const body = type.toLowerCase().includes('multipart')
			? `--hearth\r\nContent-Disposition: form-data; name="clientKey"\r\n\r\n${key(n)}\r\n--hearth--\r\n`
			: `clientKey=${key(n)}`;
		const response = await dan.request.post('/me/unsafe', {
			data: body,
			headers: { ...evil, 'content-type': type, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), type).toBeGreaterThanOrEqual(400);
	}
	// The JSON way in (the offline queue's) checks the origin itself, and wants JSON.
	for (const [n, type] of ['application/json', 'text/plain', 'APPLICATION/JSON'].entries()) {
		const response = await dan.request.post('/api/voice', {
			data: JSON.stringify({ kind: 'unsafe', owner: 'x', clientKey: key(100 + n) }),
			headers: { ...evil, 'content-type': type },
			maxRedirects: 0
		});
		expect(response.status(), type).toBeGreaterThanOrEqual(400);
	}
	const raised = () =>
		readDemoDatabase<{ n: number }>(
			"select count(*) as n from safety_alerts where client_key like '%csrf-probe-key%'"
		)[0].n;
	expect(raised()).toBe(0);
	// The same post from Hearth itself goes through: the probes above were refused for their origin.
	const own = await dan.request.post('/me/unsafe', {
		form: { clientKey: key(999) },
		headers: { origin: DEMO_ORIGIN, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(own.status()).toBe(303);
	expect(raised()).toBe(1);
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
	await signIn(page, 'elif');
	const cookie = (await context.cookies()).find((c) => c.name === 'hearth_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	expect(cookie?.value).toMatch(/^[a-z2-7]{32}$/);
});

test('signing in always makes a new session: a token planted before sign-in is never used', async ({
	browser
}) => {
	const context = await browser.newContext();
	const planted = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
	await context.addCookies([{ name: 'hearth_session', value: planted, url: DEMO_ORIGIN }]);
	const page = await context.newPage();
	await signIn(page, 'elif');
	const first = (await context.cookies()).find((c) => c.name === 'hearth_session')?.value;
	expect(first).toMatch(/^[a-z2-7]{32}$/);
	expect(first).not.toBe(planted);
	// Signing in again on the same phone ends the old session and starts another.
	await signOut(page);
	await signIn(page, 'elif');
	const second = (await context.cookies()).find((c) => c.name === 'hearth_session')?.value;
	expect(second).not.toBe(first);
	const old = await context.request.get('/me', {
		headers: { cookie: `hearth_session=${first}` },
		maxRedirects: 0
	});
	expect(old.status()).toBe(303);
	await context.close();
});

test('the skip link takes keyboard users to the main content', async ({ page }) => {
	await page.goto('/signin');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
});

test('the app can be installed: manifest, icons and a service worker', async ({
	page,
	request
}) => {
	const manifest = await (await request.get('/manifest.webmanifest')).json();
	expect(manifest.display).toBe('standalone');
	for (const icon of manifest.icons)
		expect((await request.get(icon.src)).status(), icon.src).toBe(200);
	await page.goto('/signin');
	const registered = await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		return !!registration.active;
	});
	expect(registered).toBe(true);
});

test('offline, a page visit shows the offline page', async ({ page, context }) => {
	await page.goto('/signin');
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.reload(); // now controlled by the service worker
	await context.setOffline(true);
	// A page the phone does not keep (help, the Pledge and the Offer are kept to read offline).
	await page.goto('/privacy');
	await expect(page.getByRole('heading', { name: "You're offline" })).toBeVisible();
	await expect(page.getByRole('main').getByText('0800 1111')).toBeVisible();
	await context.setOffline(false);
});

test('unknown pages get a friendly 404 with a way home', async ({ page }) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Go to your home page' })).toBeVisible();
	await expectAccessible(page);
});

test('what someone types while a slow phone is still loading the code is kept', async ({
	page
}) => {
	// Hold the app's JavaScript back, type, then let it load and take over the page.
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/join', { waitUntil: 'commit' });
	await page.getByLabel('Choose a username').fill('typed.early');
	release();
	await page.waitForFunction(
		() => document.querySelector('body')?.dataset.sveltekitPreloadData !== undefined
	);
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Choose a username')).toHaveValue('typed.early');
});

test('ticks and longer answers made before the code has loaded are kept too', async ({ as }) => {
	const page = await as('tyler');
	// Routing turns Playwright's HTTP cache off, so the next visit really waits for the code.

	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	// Only the page's own code is held: Hearth's start-up code runs, then waits for it, as on a slow phone.
	await page.route(/\/_app\/immutable\/nodes\/.*\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/me/pledge', { waitUntil: 'commit' });
	const first = page.getByRole('listitem').first();
	await first.getByLabel('No', { exact: true }).check();
	await first.getByLabel(/Tell us more/).fill('Nobody asked me about moving.');
	release();
	await page.waitForLoadState('networkidle');
	await expect(first.getByLabel('No', { exact: true })).toBeChecked();
	await expect(first.getByLabel(/Tell us more/)).toHaveValue('Nobody asked me about moving.');
	// And the form still works once the code is there.
	await first.getByRole('button', { name: 'Save my answer' }).click();
	await expect(first.getByText(/saved your answer/)).toBeVisible();
});
