import { expect, expectAccessible, expectFitsWidth, test } from './fixtures';
import { DEMO_ORIGIN } from './ports';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel', timeout: 90_000 });

test('an officer merges a duplicate and declines an issue with a reason the young person reads', async ({
	as
}) => {
	const amira = await as('amira');
	await amira.goto('/me/forum');
	const raise = async (title: string) => {
		await amira.getByLabel('Title').fill(title);
		await amira.getByLabel('What is wrong?').fill('The Wi-Fi in our home keeps cutting out.');
		await amira.getByLabel('What do you want to change?').fill('Better Wi-Fi for homework.');
		await amira.getByRole('button', { name: 'Raise it' }).click();
		// Wait for this one to land before typing the next: the form clears when it does.
		await expect(amira.getByRole('link', { name: title }).first()).toBeVisible();
		await expect(
			amira.getByText('Thank you! A participation officer will read your issue first.')
		).toBeVisible();
	};
	await raise('Wi-Fi for homework');
	await raise('Internet for homework');
	await raise('Later bedtimes on Fridays');
	// The officer checks the first two, so the forum can see them.
	const leah = await as('leah.mensah');
	for (const title of ['Wi-Fi for homework', 'Internet for homework']) {
		await leah.goto('/board/issues');
		await leah.getByRole('link', { name: title }).first().click();
		await leah.getByRole('button', { name: 'Approve for the forum' }).click();
		await expect(leah.getByText('Saved.')).toBeVisible();
	}
	// Jayden supports the duplicate; when it is merged, his support carries over.
	const jayden = await as('jayden');
	await jayden.goto('/me/forum');
	await jayden.getByRole('link', { name: 'Internet for homework' }).click();
	await jayden.getByRole('button', { name: 'Support this' }).click();
	await expect(jayden.getByText('You support this')).toBeVisible();

	await leah.goto('/board/issues');
	await expectAccessible(leah);
	await leah.getByRole('link', { name: 'Internet for homework' }).click();
	await leah.getByLabel('Issue to merge into').selectOption({ label: 'Wi-Fi for homework' });
	await leah.getByRole('button', { name: 'Merge' }).click();
	await expect(leah.getByText('Joined with a similar issue')).toBeVisible();
	await leah.goto('/board/issues');
	await leah.getByRole('link', { name: 'Wi-Fi for homework' }).click();
	// Jayden's support carried over (Amira raised both, so she is not counted twice).
	await expect(leah.getByText('Supported by 1')).toBeVisible();

	await leah.goto('/board/issues');
	await leah.getByRole('link', { name: 'Later bedtimes on Fridays' }).click();
	await leah.getByRole('button', { name: 'Decline the issue' }).click();
	await expect(leah.getByText('Give a reason the young person can read.')).toBeVisible();
	const reason =
		'Bedtimes are agreed with your carers at home, so the Board cannot change them. Talk to your worker.';
	await leah.getByLabel('Reason (the young person will read this)').fill(reason);
	await leah.getByRole('button', { name: 'Decline the issue' }).click();
	await expect(leah.getByText('Not taken forward')).toBeVisible();

	await amira.goto('/me/forum');
	await amira.getByRole('link', { name: 'Later bedtimes on Fridays' }).first().click();
	await expect(amira.getByText(reason)).toBeVisible();
	await expectAccessible(amira);
	await expectFitsWidth(amira);
});

test('a titleless or oversize issue is refused beside the field, keeping every word', async ({
	as
}) => {
	const reece = await as('reece');
	await reece.goto('/me/forum');
	const long = 'x'.repeat(121);
	await reece.getByLabel('Title').fill(long);
	await reece.getByLabel('What is wrong?').fill('Council tax letters confuse care leavers.');
	await reece.getByRole('button', { name: 'Raise it' }).click();
	await expect(
		reece.getByText('This is too long. Please keep it under 120 letters.')
	).toBeVisible();
	await expect(reece.getByText('Say what you want to change.')).toBeVisible();
	await expect(reece.getByLabel('Title')).toHaveValue(long);
	await expect(reece.getByLabel('What is wrong?')).toHaveValue(
		'Council tax letters confuse care leavers.'
	);
	await expectAccessible(reece);
	// Someone who is not on a forum cannot see its issues.
	const elif = await as('elif');
	await elif.goto('/me/forum');
	await expect(elif.getByText('Bus passes for college')).toHaveCount(0);
});

test('the scorecard shows Hearth measures suppressed and entered measures with a trend', async ({
	as
}) => {
	const leah = await as('leah.mensah');
	await leah.goto('/board/scorecard');
	await expect(leah.getByTestId('scorecard-hearth')).toContainText('fewer than 6');
	await leah
		.getByLabel('Measure', { exact: true })
		.selectOption({ label: 'Care leavers in education, employment or training (%)' });
	await leah.getByLabel('Value').fill('sixty');
	await leah.getByRole('button', { name: 'Save the figure' }).click();
	await expect(leah.getByText('Enter a number, like 62.5.').first()).toBeVisible();
	await leah.getByLabel('Value').fill('58.5');
	await leah.getByLabel('Target').fill('65');
	await leah.getByLabel('England').fill('56');
	await leah.getByRole('button', { name: 'Save the figure' }).click();
	await expect(leah.getByText('Saved.')).toBeVisible();
	const measure = leah
		.getByRole('region', { name: 'Care leavers in education, employment or training (%)' })
		.first();
	await expect(leah.getByRole('img', { name: /Care leavers in education.*58\.5/ })).toBeVisible();
	await expect(measure).toContainText('58.5');
	await expectAccessible(leah);
	await expectFitsWidth(leah);

	// A councillor reads it but cannot enter figures.
	const councillor = await as('cllr.pemberton');
	await councillor.goto('/board/scorecard');
	await expect(councillor.getByRole('button', { name: 'Save the figure' })).toHaveCount(0);
	const post = await councillor.request.post('/board/scorecard?/enter', {
		form: { measure: 'care_leavers_eet', quarter: '2026-Q4', value: '1' },
		headers: { origin: DEMO_ORIGIN }
	});
	expect(post.status()).toBe(403);
});

test('the public page lists what was done, with names only where young people chose', async ({
	page
}) => {
	await page.goto('/you-said-we-did');
	const bus = page.getByRole('article').filter({ hasText: 'Bus passes for college' });
	await expect(bus).toContainText('free bus pass');
	await expect(bus).toContainText('Raised by Reece');
	await expectAccessible(page);
	await expectFitsWidth(page);
});
