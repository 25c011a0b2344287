import { expect, expectAccessible, signIn, signOut, test } from './fixtures';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

const HOMES: [username: string, path: string, heading: RegExp][] = [
	['maya', '/me', /Hi Maya/],
	['amira', '/me', /Hi Amira/],
	['reece', '/me', /Hi Reece/],
	['sam.okafor', '/work', /Inbox/],
	['janet.ward', '/work', /Inbox/],
	['leah.mensah', '/board', /Corporate Parenting Board/],
	['cllr.pemberton', '/board', /Corporate Parenting Board/],
	['admin', '/admin', /Administration/]
];

for (const [username, path, heading] of HOMES) {
	test(`${username} signs in and lands on ${path}`, async ({ page }) => {
		await signIn(page, username);
		await expect(page).toHaveURL(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectAccessible(page);
		await signOut(page);
		await expectAccessible(page);
	});
}

test('someone with two homes chooses where to go', async ({ page }) => {
	await signIn(page, 'gareth.lloyd');
	await expect(page).toHaveURL('/home');
	await expectAccessible(page);
	await page.getByRole('link', { name: /Corporate Parenting Board/ }).click();
	await expect(page).toHaveURL('/board');
	await page.goto('/home');
	await page.getByRole('link', { name: /My work/ }).click();
	await expect(page).toHaveURL('/work');
	// A manager sees every young person for oversight.
	await expect(page.getByRole('heading', { name: 'All young people' })).toBeVisible();
});

test('a wrong password says so plainly and keeps the username', async ({ page }) => {
	await page.goto('/signin');
	await page.getByLabel('Username').fill('tyler');
	await page.getByLabel('Password', { exact: true }).fill('not-his-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText("That username and password don't match");
	await expect(page.getByLabel('Username')).toHaveValue('tyler');
	await expectAccessible(page);
});

test('empty sign-in form shows messages beside the fields', async ({ page }) => {
	await page.goto('/signin');
	// Switch off the browser's own checks to see the server's messages.
	await page
		.locator('form', { has: page.getByLabel('Username') })
		.evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('Type your username.')).toBeVisible();
	await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Username')).toHaveAccessibleDescription(/Type your username/);
});

test('after a visit to a protected page, signing in returns there', async ({ page }) => {
	await page.goto('/work/invite');
	await expect(page).toHaveURL(/\/signin\?next=/);
	await page.getByLabel('Username').fill('holly.brennan');
	await page.getByLabel('Password', { exact: true }).fill('brightwater');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL('/work/invite');
});
