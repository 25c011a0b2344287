import { expect, expectAccessible, signIn, signOut, test } from './fixtures';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

test('a worker invites a young person, who joins once and only once', async ({ page }) => {
	await signIn(page, 'sam.okafor');
	await page.getByRole('link', { name: 'Invite a young person' }).click();
	await expectAccessible(page);
	await page.getByLabel('Name they like to be called').fill('Kayla');
	await page.getByLabel('Date of birth').fill('2013-05-14');
	await page.getByLabel('Are they in care or a care leaver?').selectOption({ label: 'In care' });
	await page.getByRole('button', { name: 'Make the code' }).click();
	// A child in care: the period of care they are in, so their first review is due from day one.
	await expect(
		page.getByText('Give the date they came into care, for the review due date.')
	).toBeVisible();
	await expect(page.getByLabel('Name they like to be called')).toHaveValue('Kayla');
	const cameIntoCare = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Came into care on').fill(cameIntoCare);
	await page.getByLabel('Legal status').selectOption('C2');
	// A number no other test uses: the council's own ID, as its case-management system has it.
	const councilId = `INV-${Date.now().toString().slice(-6)}`;
	await page.getByLabel('Council child ID (optional)').fill(councilId);
	await page.getByLabel('Social worker', { exact: true }).selectOption({ label: 'Sam Okafor' });
	await page
		.getByLabel('Independent reviewing officer (IRO)')
		.selectOption({ label: 'Janet Ward' });
	await page.getByRole('button', { name: 'Make the code' }).click();

	await expect(page.getByRole('heading', { name: 'Code for Kayla' })).toBeVisible();
	await expectAccessible(page);
	const code = (await page.getByTestId('invitation-code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
	await signOut(page);

	// Typed in small letters without dashes: still fine.
	await page.goto('/join');
	await page.getByLabel('Your code').fill(code.replaceAll('-', '').toLowerCase());
	await page.getByLabel('Choose a username').fill('kayla.b');
	await page.getByLabel('Choose a password').fill('purple giraffe 42');
	await page.getByLabel('Type your password again').fill('purple giraffe 42');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page).toHaveURL('/me?welcome');
	await expect(page.getByText('Welcome to Hearth, Kayla!')).toBeVisible();
	await expect(page.getByText('Sam Okafor')).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	await page.goto('/join');
	await page.getByLabel('Your code').fill(code);
	await page.getByLabel('Choose a username').fill('someone.else');
	await page.getByLabel('Choose a password').fill('another password');
	await page.getByLabel('Type your password again').fill('another password');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByText('This code has already been used')).toBeVisible();
	await expect(page.getByLabel('Choose a username')).toHaveValue('someone.else');
	await expectAccessible(page);

	// The worker sees their new young person.
	await signIn(page, 'sam.okafor');
	await expect(page.getByRole('link', { name: 'Kayla' }).first()).toBeVisible();
	await signOut(page);

	// Her IRO has her first review's due date from the day she joined (reg 33: 20 working days).
	await signIn(page, 'janet.ward');
	await page.goto('/work/reviews');
	const row = page.getByTestId('review-list').getByRole('row').filter({ hasText: 'Kayla' }).first();
	await expect(row).toContainText(/\d{1,2} \w+ \d{4}/);
	await expect(row).not.toContainText('No care start date');
	await expect(row).toContainText('First review of this time in care');

	// The review is held, and its row is in the council's 903 Reviews file under her council ID.
	await row.getByRole('link', { name: 'Book a review: Kayla' }).click();
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Date').fill(tomorrow);
	await page.getByLabel('Time').fill('16:00');
	await page.getByLabel('Place').fill('At school');
	await page.getByRole('button', { name: 'Book the review' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review for Kayla');
	const heldOn = await page.getByLabel('Date it was held').inputValue();
	await page.getByLabel('Participation code').selectOption('PN1');
	await page.getByLabel('Decisions').fill('Kayla stays where she lives now.');
	await page.getByLabel('Letter to Kayla').fill('Dear Kayla, thank you for coming. Janet');
	await page.getByRole('button', { name: 'Record the review and send the letter' }).click();
	await expect(page.getByRole('status')).toContainText('Participation: PN1');
	await signOut(page);

	await signIn(page, 'gareth.lloyd');
	const csv = await (await page.request.get('/work/reviews/export.csv')).text();
	const [y, mo, d] = heldOn.split('-');
	expect(csv.split(/\r?\n/)).toContain(`${councilId},14/05/2013,${d}/${mo}/${y},PN1`);
});

test('a mistyped code gets a clear message and keeps what was typed', async ({ page }) => {
	await page.goto('/join?code=ABCD-EFGH-JKMN');
	await expect(page.getByLabel('Your code')).toHaveValue('ABCD-EFGH-JKMN');
	await page.getByLabel('Choose a username').fill('newbie');
	await page.getByLabel('Choose a password').fill('long enough words');
	await page.getByLabel('Type your password again').fill('long enough words');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByText("We can't find that code")).toBeVisible();
	await expect(page.getByLabel('Choose a username')).toHaveValue('newbie');
});

test('an admin invites a member of staff with roles', async ({ page }) => {
	await signIn(page, 'admin');
	await page.goto('/admin/invite');
	await expectAccessible(page);
	await page
		.locator('form[action="?/staff"]')
		.evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await page.getByRole('button', { name: 'Make the code' }).first().click();
	await expect(page.getByText('Choose at least one role.')).toBeVisible();
	await expect(page.getByText('Type a name.').first()).toBeVisible();
	await page.getByLabel('Full name').fill('Noor Haddad');
	await page.getByRole('checkbox', { name: 'IRO' }).check();
	await page.getByRole('button', { name: 'Make the code' }).first().click();
	const code = (await page.getByTestId('invitation-code').textContent())!.trim();
	await signOut(page);

	await page.goto('/join');
	await page.getByLabel('Your code').fill(code);
	await page.getByLabel('Choose a username').fill('noor.haddad');
	await page.getByLabel('Choose a password').fill('a sensible passphrase');
	await page.getByLabel('Type your password again').fill('a sensible passphrase');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page).toHaveURL('/work?welcome');
	await expect(page.getByText('No young people are linked to you yet.')).toBeVisible();
});
