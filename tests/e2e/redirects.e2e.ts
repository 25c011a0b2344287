import { DEMO_PASSWORD, expect, expectAccessible, test } from './fixtures';
import { DEMO_ORIGIN } from './ports';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

/*
 * After signing in, and after choosing a language, Hearth goes where the link said only when that
 * is a path inside Hearth. On dedd82c `/signin?next=%2F%09%2Fevil.example` sent the browser to
 * evil.example after a real sign-in (a browser drops the tab and reads `//evil.example`).
 */

// Links that must never take a young person off Hearth after they sign in.
const OFF_SITE = ['/.//evil.example', '/\\evil.example', '//evil.example', 'https://evil.example'];

for (const next of OFF_SITE) {
	test(`signing in with next=${JSON.stringify(next)} stays on Hearth`, async ({ page }) => {
		const offSite: string[] = [];
		page.on('request', (request) => {
			if (new URL(request.url()).hostname.includes('evil')) offSite.push(request.url());
		});
		await page.goto(`/signin?next=${encodeURIComponent(next)}`);
		await page.getByLabel('Username').fill('amira');
		await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((url) => url.pathname !== '/signin');
		expect(new URL(page.url()).origin).toBe(DEMO_ORIGIN);
		expect(new URL(page.url()).pathname).toBe('/me');
		expect(offSite).toEqual([]);
	});
}

test('a link with a tab, newline, carriage return or null in it is a 400 page, not a sign-in', async ({
	page
}) => {
	for (const escape of ['%09', '%0A', '%0D', '%00']) {
		const response = await page.goto(`/signin?next=%2F${escape}%2Fevil.example`);
		expect(response!.status(), escape).toBe(400);
		await expect(page.getByRole('heading', { name: "We couldn't use that" })).toBeVisible();
		await expect(page.getByText('That link has something odd in it')).toBeVisible();
	}
	await expectAccessible(page);
});

test('a link inside Hearth is followed after signing in', async ({ page }) => {
	await page.goto('/signin?next=%2Fme%2Fpledge');
	await page.getByLabel('Username').fill('amira');
	await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL('/me/pledge');
});

test('choosing a language goes back only to a page inside Hearth', async ({ request }) => {
	const choose = (back: string) =>
		request.post('/language', {
			form: { locale: 'cy', back },
			headers: { origin: DEMO_ORIGIN, accept: 'text/html' },
			maxRedirects: 0
		});
	for (const back of [...OFF_SITE, 'javascript:alert(1)']) {
		const response = await choose(back);
		expect(response.status(), back).toBe(303);
		expect(response.headers().location, back).toBe('/');
	}
	expect((await choose('/pledge')).headers().location).toBe('/pledge');
	for (const back of ['/\t/evil.example', '/\n/evil.example', '/\r/x', '/\0']) {
		expect((await choose(back)).status(), JSON.stringify(back)).toBe(400);
	}
});
