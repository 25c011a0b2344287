import { expect, expectAccessible, expectFitsWidth, test } from './fixtures';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel', timeout: 90_000 });

/** A date some days from now, as the date field wants it. */
const inDays = (days: number) => {
	const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
	return date.toISOString().slice(0, 10);
};

test('an IRO books a review, the child has their say, and reads the letter afterwards', async ({
	as
}) => {
	const janet = await as('janet.ward');
	await janet.getByRole('link', { name: 'Reviews', exact: true }).click();
	await expect(janet.getByRole('heading', { level: 1 })).toHaveText('Reviews');
	const list = janet.getByTestId('review-list');
	// Tyler's second review was late and his third is overdue, by so many days.
	const tylerRow = list.getByRole('row').filter({ hasText: 'Tyler' });
	await expect(tylerRow).toContainText(/Overdue by \d+ days?/);
	await expect(tylerRow).toContainText('1 late before');
	await expect(tylerRow).toContainText('6 months from the last review on');
	// Each due date says the rule behind it; Jayden's IRO asked for an early review, and why.
	const amiraRow = list.getByRole('row').filter({ hasText: 'Amira' });
	await expect(amiraRow).toContainText('Second review: 3 months from the first on');
	const jaydenRow = list.getByRole('row').filter({ hasText: 'Jayden' });
	await expect(jaydenRow).toContainText('Early review needed');
	await expect(jaydenRow).toContainText(/Asked for by Janet Ward on .*: He moved school/);
	// Managers' links are not hers.
	await expect(
		janet.getByRole('link', { name: 'Review timeliness across the service' })
	).toHaveCount(0);
	await expect(janet.getByTestId('needs-council-id')).toHaveCount(0);
	await expectAccessible(janet);
	await expectFitsWidth(janet);
	await janet.setViewportSize({ width: 1280, height: 800 });

	await list.getByRole('link', { name: 'Book a review: Amira' }).click();
	await expect(janet.getByRole('heading', { level: 1 })).toHaveText('Book a review for Amira');
	await expect(janet.getByText('Review 2 is due by')).toBeVisible();
	await expectAccessible(janet);
	// Asking for an early review needs a reason, said beside the field.
	await janet
		.locator('form', { has: janet.getByLabel('Why is an early review needed?') })
		.evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await janet.getByRole('button', { name: 'Ask for an early review' }).click();
	await expect(janet.getByText('Say why an early review is needed.')).toBeVisible();
	await janet
		.getByLabel('Why is an early review needed?')
		.fill('Her placement is changing next month.');
	await janet.getByRole('button', { name: 'Ask for an early review' }).click();
	await expect(janet.getByRole('status')).toHaveText('Early review asked for.');
	await expect(
		janet.getByText(/Asked for by Janet Ward on .*: Her placement is changing/)
	).toBeVisible();
	// A date in the past is refused beside the field, and what was typed stays.
	await janet
		.locator('form', { has: janet.getByLabel('Place') })
		.evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await janet.getByLabel('Date').fill('2020-01-06');
	await janet.getByLabel('Time').fill('16:00');
	await janet.getByLabel('Place').fill('At home with her carers');
	await janet.getByRole('button', { name: 'Book the review' }).click();
	await expect(janet.getByText('Choose a date from today onwards.')).toBeVisible();
	await expect(janet.getByLabel('Place')).toHaveValue('At home with her carers');
	await janet.getByLabel('Date').fill(inDays(7));
	await janet.getByRole('button', { name: 'Book the review' }).click();
	await expect(janet.getByRole('heading', { level: 1 })).toHaveText('Review for Amira');
	await expect(janet.getByText('They have not sent their views yet.')).toBeVisible();
	await expectAccessible(janet);
	const reviewPath = new URL(janet.url()).pathname;

	// Amira is told (the meeting is less than ten days away, so at once) and has her say.
	const amira = await as('amira');
	await expect(async () => {
		await amira.goto('/notices');
		await expect(amira.getByText(/review/i).first()).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	await amira.goto('/me/reviews');
	await expect(amira.getByText('Your IRO is Janet Ward.')).toBeVisible();
	await expectAccessible(amira);
	await amira.getByRole('link', { name: 'Have your say' }).click();
	await expectAccessible(amira);
	await expectFitsWidth(amira);
	await amira.setViewportSize({ width: 1280, height: 800 });
	await amira
		.getByRole('group', { name: 'School' })
		.locator('label', { hasText: /^\s*Good\s*$/ })
		.click();
	await amira.getByLabel('What is going well?').fill('Drama club. I got a part in the play.');
	await amira.getByRole('button', { name: 'Save for later' }).click();
	await expect(amira.getByText(/Saved. You can come back/)).toBeVisible();
	// Not sent yet: the IRO cannot read a draft.
	await janet.reload();
	await expect(janet.getByText('They have started but not sent their views yet.')).toBeVisible();
	await expect(janet.getByText('Drama club')).toHaveCount(0);

	await amira.goto('/me/reviews');
	await amira.getByRole('link', { name: 'Have your say' }).click();
	await expect(amira.getByLabel('What is going well?')).toHaveValue(
		'Drama club. I got a part in the play.'
	);
	await amira.getByLabel('What do you want to happen?').fill('To stay at my school.');
	await amira
		.getByRole('group', { name: /chair \(run\) part of your meeting/ })
		.locator('label', { hasText: 'Yes' })
		.click();
	await amira.getByRole('button', { name: 'Send my answers' }).click();
	await expect(
		amira.getByText('Sent! Janet Ward will read your answers before the meeting.')
	).toBeVisible();

	// A different child cannot open Amira's review.
	const tyler = await as('tyler');
	expect((await tyler.goto(reviewPath.replace('/work/', '/me/')))?.status()).toBe(404);
	await expect(tyler.getByText('Drama club')).toHaveCount(0);

	// The IRO reads the answers, and records the meeting.
	await janet.reload();
	await expect(janet.getByText('Drama club. I got a part in the play.')).toBeVisible();
	await expect(janet.getByText('To stay at my school.')).toBeVisible();
	await janet.getByLabel('Participation code').selectOption('PN0');
	await janet
		.getByLabel('Decisions')
		.fill('Amira stays at her school. Weekend family time continues.');
	const letter =
		'Dear Amira, thank you for your answers. We agreed you will stay at your school. Good luck in the play! Janet';
	await janet.getByLabel('Letter to Amira').fill(letter);
	await janet.getByRole('button', { name: 'Record the review and send the letter' }).click();
	await expect(janet.getByText(/PN0 is only for a child under 4/)).toBeVisible();
	await expect(janet.getByLabel('Letter to Amira')).toHaveValue(letter);
	// She sent her views through Hearth, so "views not conveyed" is refused.
	await janet.getByLabel('Participation code').selectOption('PN7');
	await janet.getByRole('button', { name: 'Record the review and send the letter' }).click();
	await expect(janet.getByText(/sent their views through Hearth for this review/)).toBeVisible();
	await expect(janet.getByLabel('Letter to Amira')).toHaveValue(letter);
	await janet.getByLabel('Participation code').selectOption('PN1');
	await janet.getByRole('button', { name: 'Record the review and send the letter' }).click();
	await expect(janet.getByRole('status')).toContainText('Participation: PN1');
	await expectAccessible(janet);

	// Amira reads her letter.
	await amira.goto('/me/reviews');
	await amira.getByRole('link', { name: 'Read your letter' }).first().click();
	await expect(amira.getByText(letter)).toBeVisible();
	await expectAccessible(amira);
});

test('managers download the 903 Reviews table, see who needs a council ID, and see every IRO’s reviews; others cannot', async ({
	as
}) => {
	const gareth = await as('gareth.lloyd');
	const csv = await gareth.request.get('/work/reviews/export.csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const lines = (await csv.text()).trim().split('\r\n');
	expect(lines[0]).toBe('CHILD,DOB,REVIEW,REVIEW_CODE');
	expect(lines.length).toBeGreaterThan(1);
	for (const line of lines.slice(1))
		expect(line).toMatch(/^[^,]+,\d{2}\/\d{2}\/\d{4},\d{2}\/\d{2}\/\d{4},PN[0-7]$/);
	expect(lines.join()).not.toMatch(/Tyler|Maya|Amira/);
	// Hearth's own references are still there to download.
	const hearth = await gareth.request.get('/work/reviews/export.csv?format=hearth');
	expect((await hearth.text()).split('\r\n')[0]).toBe(
		'child_reference,review_date,participation_code'
	);
	// A year that is not a collection year is refused, saying why.
	for (const year of ['1999', 'next', '20255']) {
		const bad = await gareth.request.get(`/work/reviews/export.csv?year=${year}`);
		expect(bad.status()).toBe(400);
		expect(await bad.text()).toContain('The year must be the year a collection starts');
	}
	expect((await gareth.request.get('/work/reviews/export.csv?year=2024')).status()).toBe(200);

	// Amira has no council ID yet: her reviews are not in the file, and the page says so.
	await gareth.goto('/work/reviews');
	const needsId = gareth.getByTestId('needs-council-id');
	await expect(needsId).toContainText('Needs a council ID');
	await expect(needsId.getByRole('link', { name: 'Amira' })).toBeVisible();
	await expectAccessible(gareth);

	// Across the service: every IRO's children, whoever chairs them.
	await gareth.getByRole('link', { name: 'Review timeliness across the service' }).click();
	await expect(gareth.getByRole('heading', { level: 1 })).toHaveText(
		'Review timeliness across the service'
	);
	const service = gareth.getByTestId('service-list');
	const tylerRow = service.getByRole('row').filter({ hasText: 'Tyler' });
	await expect(tylerRow).toContainText('Janet Ward');
	await expect(tylerRow).toContainText(/Overdue by \d+ days?/);
	await expect(service.getByRole('row').filter({ hasText: 'Jayden' })).toContainText(
		'Early review needed'
	);
	await expect(service.getByRole('row').filter({ hasText: 'Elif' })).toContainText('Marcus Reid');
	await expect(gareth.getByTestId('service-summary')).toContainText('Overdue');
	await expectAccessible(gareth);
	await expectFitsWidth(gareth);

	const janet = await as('janet.ward');
	expect((await janet.request.get('/work/reviews/export.csv')).status()).toBe(403);
	expect((await janet.goto('/work/reviews/service'))?.status()).toBe(403);
});

test('a board member sees only how reviews went overall, never a child', async ({ as }) => {
	const councillor = await as('cllr.shah');
	const measures = councillor.getByTestId('review-measures');
	await expect(measures).toBeVisible();
	await expect(measures).toContainText('fewer than 6');
	await expect(councillor.getByText(/Tyler|Amira|Maya|Jayden/)).toHaveCount(0);
	await expectAccessible(councillor);
	expect((await councillor.goto('/work/reviews'))?.status()).toBe(403);
	expect((await councillor.goto('/work/reviews/demo-review-tyler-1'))?.status()).toBe(403);
	expect((await councillor.request.get('/work/reviews/export.csv')).status()).toBe(403);
});

test('a PA holds a pathway-plan review with the same consultation and letter, without a code', async ({
	as
}) => {
	const marcus = await as('marcus.reid');
	await marcus.goto('/work/reviews');
	const row = marcus.getByTestId('review-list').getByRole('row').filter({ hasText: 'Elif' });
	await expect(row).toContainText('Pathway plan review');
	await row.getByRole('link', { name: 'Book a review: Elif' }).click();
	await marcus.getByLabel('Date').fill(inDays(3));
	await marcus.getByLabel('Time').fill('11:00');
	await marcus.getByLabel('Place').fill('The leaving care hub');
	await marcus.getByRole('button', { name: 'Book the review' }).click();
	await expect(marcus.getByRole('heading', { level: 1 })).toHaveText(
		'Pathway plan review for Elif'
	);
	await expect(marcus.getByLabel('Participation code')).toHaveCount(0);

	const elif = await as('elif');
	await elif.goto('/me/reviews');
	await expect(
		elif.getByText('Your PA, Marcus Reid, runs your pathway plan reviews.')
	).toBeVisible();
	await elif.getByRole('link', { name: 'Have your say' }).click();
	await elif
		.getByLabel('What do you want to happen?')
		.fill('Help to find a cheaper flat near college.');
	await elif.getByRole('button', { name: 'Send my answers' }).click();
	await expect(elif.getByText(/Marcus Reid will read your answers/)).toBeVisible();
	// Sending the same form again changes nothing.
	await elif.goto('/me/reviews');
	await elif.getByRole('link', { name: 'Have your say' }).click();
	await expect(elif.getByText('You sent your answers. Thank you!')).toBeVisible();
	await expect(elif.getByRole('button', { name: 'Send my answers' })).toHaveCount(0);

	await marcus.reload();
	await expect(marcus.getByText('Help to find a cheaper flat near college.')).toBeVisible();
	await marcus.getByLabel('Decisions').fill('Marcus will apply for the housing support fund.');
	await marcus
		.getByLabel('Letter to Elif')
		.fill('Dear Elif, I will apply for the housing fund this week. Marcus');
	await marcus.getByRole('button', { name: 'Record the review and send the letter' }).click();
	await expect(marcus.getByRole('status')).toContainText('Held on');
	await elif.goto('/me/reviews');
	await elif.getByRole('link', { name: 'Read your letter' }).click();
	await expect(elif.getByText('I will apply for the housing fund this week.')).toBeVisible();
	await expectAccessible(elif);
});
