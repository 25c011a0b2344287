import { expect, signIn, test } from './fixtures';

test.use({ javaScriptEnabled: false });

test('signing in, a form mistake and signing out all work without JavaScript', async ({ page }) => {
	// The server sends back the username but never the password.
	await page.goto('/signin');
	await page.getByLabel('Username').fill('chloe');
	await page.getByLabel('Password', { exact: true }).fill('wrong-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText("That username and password don't match");
	await expect(page.getByLabel('Username')).toHaveValue('chloe');
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

	await signIn(page, 'chloe');
	await expect(page).toHaveURL('/me');
	await expect(page.getByText('Marcus Reid')).toBeVisible();

	await page.goto('/account/password');
	await page.getByLabel('Your password now').fill('brightwater');
	await page.getByLabel('New password', { exact: true }).fill('short');
	await page.getByLabel('Type the new password again').fill('short');
	await page
		.locator('form[method="POST"]')
		.last()
		.evaluate((f: HTMLFormElement) => (f.noValidate = true));
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText('Your password needs at least 8 characters.')).toBeVisible();

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByText('You have signed out.')).toBeVisible();
});
