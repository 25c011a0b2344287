import { chromium } from '@playwright/test';
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
});
async function as(user, pages, width = 360) {
	const ctx = await browser.newContext({ viewport: { width, height: 740 }, deviceScaleFactor: 1 });
	const page = await ctx.newPage();
	if (user) {
		await page.goto('http://localhost:3000/signin');
		await page.getByLabel('Username').fill(user);
		await page.getByLabel('Password', { exact: true }).fill('brightwater');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
	}
	for (const [path, name] of pages) {
		await page.goto('http://localhost:3000' + path);
		await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
	}
	await ctx.close();
}
await as(
	null,
	[
		['/', 'landing'],
		['/signin', 'signin'],
		['/join', 'join']
	],
	320
);
await as('amira', [['/me', 'me']], 360);
await as(
	'sam.okafor',
	[
		['/work', 'work'],
		['/work/invite', 'invite']
	],
	1000
);
await as('cllr.shah', [['/board', 'board']], 1000);
await as(
	'admin',
	[
		['/admin/audit', 'audit'],
		['/admin/settings', 'settings']
	],
	1000
);
await browser.close();
