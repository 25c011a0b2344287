import { expect, signIn, test } from './fixtures';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

test('changing a password signs the person out everywhere else', async ({ browser }) => {
	const phone = await (await browser.newContext()).newPage();
	const laptop = await (await browser.newContext()).newPage();
	await signIn(phone, 'shannon');
	await signIn(laptop, 'shannon');

	await laptop.goto('/account/password');
	await laptop.getByLabel('Your password now').fill('brightwater');
	await laptop.getByLabel('New password', { exact: true }).fill('new harbour lights');
	await laptop.getByLabel('Type the new password again').fill('new harbour lights');
	await laptop.getByRole('button', { name: 'Change password' }).click();
	await expect(laptop.getByText('Your password is changed')).toBeVisible();

	// Still signed in where the change was made...
	await laptop.goto('/me');
	await expect(laptop.getByRole('heading', { name: 'Hi Shannon' })).toBeVisible();
	// ...and signed out on the other device.
	await phone.goto('/me');
	await expect(phone).toHaveURL(/\/signin/);
	await signIn(phone, 'shannon', 'new harbour lights');
	await expect(phone).toHaveURL('/me');
});

test('an admin changes council settings; a bad colour is refused beside the field', async ({
	as
}) => {
	const page = await as('admin');
	await page.goto('/admin/settings');
	await page.getByLabel('Main colour').fill('#ffff00');
	await page.getByLabel('Out-of-hours phone number').fill('01632 960 777');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('This colour is too light for white text')).toBeVisible();
	await expect(page.getByLabel('Out-of-hours phone number')).toHaveValue('01632 960 777');

	await page.getByLabel('Main colour').fill('#2a3f8f');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	// The council's colour is used across the app.
	await expect(page.getByRole('banner')).toHaveCSS('background-color', 'rgb(42, 63, 143)');
	await page.goto('/help');
	await expect(page.getByText('Out of hours: 01632 960 777')).toBeVisible();
});
