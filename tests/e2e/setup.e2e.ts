import { expect, expectAccessible, test } from './fixtures';
import { EMPTY_ORIGIN } from './ports';

const EMPTY = EMPTY_ORIGIN;

test('a new Hearth offers first-run setup, protected by the printed code', async ({ page }) => {
	await page.goto(`${EMPTY}/`);
	await expect(page).toHaveURL(`${EMPTY}/setup`);
	await expectAccessible(page);

	await page.getByLabel('Setup code').fill('wrong-code');
	await page.getByLabel('Council name').fill('Riverside Council');
	await page.getByLabel("The council's email for Hearth").fill('hearth@riverside.invalid');
	await page.getByLabel('Your name').fill('Alex Morgan');
	await page.getByLabel('Choose a username').fill('alex.admin');
	await page.getByLabel('Choose a password').fill('correct horse battery');
	await page.getByLabel('Type your password again').fill('correct horse battery');
	await page.getByRole('button', { name: 'Set up Hearth' }).click();
	// An address that can never get email is refused next to its field, and what was typed is kept.
	await expect(page.getByText('An address ending in .invalid can never get email.')).toBeVisible();
	await expect(page.getByLabel('Council name')).toHaveValue('Riverside Council');
	await page.getByLabel("The council's email for Hearth").fill('hearth@riverside.example');
	// Secrets are never sent back: the code and passwords are typed again.
	await page.getByLabel('Setup code').fill('wrong-code');
	await page.getByLabel('Choose a password').fill('correct horse battery');
	await page.getByLabel('Type your password again').fill('correct horse battery');
	await page.getByRole('button', { name: 'Set up Hearth' }).click();
	await expect(page.getByText('That setup code is not right')).toBeVisible();
	await expect(page.getByLabel('Council name')).toHaveValue('Riverside Council');

	await page.getByLabel('Setup code').fill(process.env.HEARTH_E2E_SETUP_TOKEN!);
	await page.getByLabel('Choose a password').fill('correct horse battery');
	await page.getByLabel('Type your password again').fill('correct horse battery');
	await page.getByRole('button', { name: 'Set up Hearth' }).click();
	await expect(page).toHaveURL(`${EMPTY}/admin`);
	await expect(page.getByRole('link', { name: /Riverside Council/ })).toBeVisible();

	// The council's email is the push services' contact from the start: pushes are not off.
	await page.goto(`${EMPTY}/admin/settings`);
	await expect(page.getByLabel('Contact email')).toHaveValue('hearth@riverside.example');
	await expect(page.getByText('Push notifications are not being sent')).toHaveCount(0);

	// Setup happens once.
	await page.goto(`${EMPTY}/setup`);
	await expect(page).toHaveURL(`${EMPTY}/admin`);
});
