import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFitsWidth, test, type SignedIn } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/*
 * Issue 18, items 8 to 10. These raise safety alerts and tell workers, managers and officers of
 * them: a Hearth of their own, so no other test finds their notices or open alerts.
 */
const hearth = new OwnHearth(port(65), 'moderation');
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.beforeAll(async () => {
	await hearth.start();
});
test.afterAll(() => hearth.stop());

// Nobody here signs out or quick-exits: each person signs in once and carries on.
const on = (as: SignedIn) => hearth.on(as, { reuse: true });

/** Amira raises an issue with the Children in Care Council and opens it: its id. */
async function raiseIssue(amira: Page, title: string, wrong: string): Promise<string> {
	await amira.goto('/me/forum');
	await amira.getByLabel('Title').fill(title);
	await amira.getByLabel('What is wrong?').fill(wrong);
	await amira.getByLabel('What do you want to change?').fill('Someone to listen to us.');
	await amira.getByRole('button', { name: 'Raise it' }).click();
	await expect(
		amira.getByText('Thank you! A participation officer will read your issue first.')
	).toBeVisible();
	await amira.getByRole('link', { name: title }).first().click();
	await amira.waitForURL(/\/me\/forum\/issues\//);
	return new URL(amira.url()).pathname.split('/').pop()!;
}

/** Open the newest notice with these words, as the person would from their notices. */
async function openNotice(page: Page, words: string) {
	await page.goto('/notices');
	await page
		.getByRole('listitem')
		.filter({ hasText: words })
		.first()
		.getByRole('button', { name: 'Open' })
		.click();
}

test('an issue waits for the officer, is edited and approved, reported with a reason, and becomes a safeguarding concern', async ({
	as
}) => {
	const amira = await on(as)('amira');
	const title = `House rules ${Date.now()}`;
	const id = await raiseIssue(
		amira,
		title,
		'My carer Mr Halloran takes my phone away and shouts at me every night.'
	);
	await expect(
		amira.getByText('Only you and the participation officers can see this')
	).toBeVisible();

	// Jayden sits on the same forum: he cannot see it yet, in the list or by its address.
	const jayden = await on(as)('jayden');
	await jayden.goto('/me/forum');
	await expect(jayden.getByRole('link', { name: title })).toHaveCount(0);
	expect((await jayden.goto(`/me/forum/issues/${id}`))?.status()).toBe(404);

	// The officer is told, opens it, edits out the name and approves it.
	const leah = await on(as)('leah.mensah');
	await leah.goto('/notices');
	await expect(
		leah
			.getByRole('listitem')
			.filter({ hasText: 'A forum issue is waiting for you to check it.' })
			.first()
	).toBeVisible();
	await leah.goto(`/board/issues/${id}`);
	await expectAccessible(leah);
	await leah
		.getByLabel('What is wrong?')
		.fill('House rules about phones feel unfair and there is shouting.');
	await leah.getByRole('button', { name: 'Save the edited words' }).click();
	await expect(leah.getByText('As first written:')).toBeVisible();
	await leah.getByRole('button', { name: 'Approve for the forum' }).click();
	await expect(leah.getByText('Saved.')).toBeVisible();

	// Now Jayden sees it, in the edited words.
	await jayden.goto('/me/forum');
	await jayden.getByRole('link', { name: title }).click();
	await expect(jayden.getByText('House rules about phones feel unfair')).toBeVisible();
	await expect(jayden.getByText('Halloran')).toHaveCount(0);
	await expect(jayden.getByText('We changed a few of your words')).toHaveCount(0);

	// Amira is told, kindly, that her words were changed.
	await amira.goto(`/me/forum/issues/${id}`);
	await expect(amira.getByText('We changed a few of your words')).toBeVisible();
	await expectAccessible(amira);

	// Jayden reports it: a report needs a reason, said beside the field.
	await jayden.getByText('Report as not OK').click();
	await jayden.getByRole('button', { name: 'Send the report' }).click();
	const reason = jayden.getByLabel('Why is it not OK?');
	await expect(reason).toHaveAccessibleDescription(/Tell us why it is not OK\./);
	await reason.fill('It sounds like someone is being hurt at home.');
	await jayden.getByRole('button', { name: 'Send the report' }).click();
	await expect(
		jayden.getByText('Thank you. The participation officer will look at it.')
	).toBeVisible();

	// The officer is told of the report, and reads the reason.
	await openNotice(leah, 'A forum issue has been reported. Have a look.');
	await expect(leah).toHaveURL(new RegExp(`/board/issues/${id}$`));
	await expect(leah.getByText('It sounds like someone is being hurt at home.')).toBeVisible();

	// She raises a safeguarding concern: an allegation against a carer needs the LADO contact.
	await leah
		.getByLabel('What worries you')
		.fill('Amira names her carer as shouting and taking her phone.');
	await leah
		.getByLabel('Is it an allegation against a member of staff or a carer?')
		.selectOption({ label: 'Yes, against a carer' });
	await leah.getByRole('button', { name: 'Raise the concern now' }).click();
	await expect(leah.getByLabel('LADO contact')).toHaveAccessibleDescription(
		/Give the LADO contact/
	);
	await expect(leah.getByLabel('What worries you')).toHaveValue(
		'Amira names her carer as shouting and taking her phone.'
	);
	await leah.getByLabel('LADO contact').fill('Brightwater LADO, 01632 960 222');
	await leah.getByLabel('LADO reference (if you have one)').fill('LADO-2026-031');
	await leah.getByRole('button', { name: 'Raise the concern now' }).click();
	await expect(leah.getByText('Concern raised.')).toBeVisible();
	const record = leah.getByTestId('concern-record');
	await expect(record).toContainText('LADO process started by Leah Mensah');
	await expect(record).toContainText('Brightwater LADO, 01632 960 222');
	await expect(record).toContainText('LADO-2026-031');
	await expectAccessible(leah);

	// Amira's social worker and the duty manager are alerted, as for "I feel unsafe".
	for (const username of ['holly.brennan', 'gareth.lloyd']) {
		const staff = await on(as)(username);
		await openNotice(staff, 'A young person needs help now.');
		await expect(staff).toHaveURL(/\/work\/alerts\//);
		await expect(staff.getByRole('heading', { level: 1 })).toContainText('Amira');
		await expect(staff.getByText('raised this from a forum issue')).toBeVisible();
		await staff.getByRole('link', { name: 'Read what they wrote, and the concern' }).click();
		// The words as Amira wrote them, and the LADO record.
		await expect(staff.getByTestId('concern-words')).toContainText('Mr Halloran');
		await expect(staff.getByTestId('concern-record')).toContainText('LADO-2026-031');
		await expectAccessible(staff);
	}

	// Amira reads kind words; Jayden reads none of it.
	await amira.goto(`/me/forum/issues/${id}`);
	await expect(
		amira.getByText('Someone who looks after you will talk with you soon')
	).toBeVisible();
	await expectFitsWidth(amira);
	// Her messages say what happened, in words that are true: she never said she felt unsafe.
	await amira.goto('/me/messages');
	const alerts = amira.getByTestId('my-alerts');
	await expect(alerts).toContainText(
		'someone who looks after you was worried about what you wrote'
	);
	await expect(alerts).not.toContainText('You said you feel unsafe');
	// The line links to what happened. (Opened by its address: a click here was lost twice in a
	// row on a fresh Hearth, the page staying on the list; noted to be looked into.)
	const href = await alerts.getByRole('link').first().getAttribute('href');
	expect(href).toMatch(/^\/me\/unsafe\/\w+/);
	await amira.goto(href!);
	await expect(amira.getByRole('status')).toContainText('You have not done anything wrong.');
	await expect(amira.getByText('that you feel unsafe')).toHaveCount(0);
	// Words worrying enough for a concern left the forum at once (found walking it): Jayden, who
	// could read the issue before, finds nothing there now.
	expect((await jayden.goto(`/me/forum/issues/${id}`))?.status()).toBe(404);
	await expect(jayden.getByText('Someone who looks after you will talk with you soon')).toHaveCount(
		0
	);
});

test('a decline reason is read by the raiser only, and a declined unchecked issue by nobody else', async ({
	as
}) => {
	const amira = await on(as)('amira');
	const seen = await raiseIssue(amira, `Bedtimes ${Date.now()}`, 'Bedtime is too early.');
	const unseen = await raiseIssue(amira, `Pocket money ${Date.now()}`, 'Pocket money is late.');
	const leah = await on(as)('leah.mensah');
	await leah.goto(`/board/issues/${seen}`);
	await leah.getByRole('button', { name: 'Approve for the forum' }).click();
	await expect(leah.getByText('Saved.')).toBeVisible();
	const reason = 'Bedtimes are agreed with your carers at home. Your worker can help.';
	for (const issue of [seen, unseen]) {
		await leah.goto(`/board/issues/${issue}`);
		await leah.getByLabel('Reason (the young person will read this)').fill(reason);
		await leah.getByRole('button', { name: 'Decline the issue' }).click();
		await expect(leah.getByText('Saved.')).toBeVisible();
	}
	await amira.goto(`/me/forum/issues/${seen}`);
	await expect(amira.getByText(reason)).toBeVisible();
	const jayden = await on(as)('jayden');
	await jayden.goto(`/me/forum/issues/${seen}`);
	await expect(jayden.getByText('Not taken forward')).toBeVisible();
	await expect(jayden.getByText(reason)).toHaveCount(0);
	expect((await jayden.goto(`/me/forum/issues/${unseen}`))?.status()).toBe(404);
});

test('an issue that moved on under an open page refuses the old step, saying what it is now', async ({
	as
}) => {
	const amira = await on(as)('amira');
	const id = await raiseIssue(amira, `Youth club ${Date.now()}`, 'The youth club shut.');
	const leah = await on(as)('leah.mensah');
	await leah.goto(`/board/issues/${id}`);
	// Not checked yet: it cannot be answered (that would publish unchecked words).
	await expect(leah.getByRole('button', { name: 'Publish the answer' })).toHaveCount(0);
	const early = await leah.request.post(`/board/issues/${id}?/answer`, {
		form: { answer: 'Too soon' },
		headers: { origin: hearth.origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(early.status()).toBe(409);
	await leah.getByRole('button', { name: 'Approve for the forum' }).click();
	await expect(leah.getByText('Saved.')).toBeVisible();
	// Another officer declines it while this page is still open.
	const declined = await leah.request.post(`/board/issues/${id}?/decline`, {
		form: { reason: 'The youth club is run by a charity, not the council.' },
		headers: { origin: hearth.origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(declined.status()).toBe(200);
	const answer = 'We asked the charity to open on Saturdays.';
	await leah.getByLabel('The answer, in plain words').fill(answer);
	await leah.getByRole('button', { name: 'Publish the answer' }).click();
	await expect(leah.getByRole('alert')).toContainText(
		"This issue is “Not taken forward” now, so that can't be done any more."
	);
	await expect(leah.getByLabel('The answer, in plain words')).toHaveValue(answer);
	// Opened again (not reloaded: a reload of a page a form posted to would post it again).
	await leah.goto(`/board/issues/${id}`);
	await expect(leah.getByText('Not taken forward')).toBeVisible();
	await expect(leah.getByRole('button', { name: 'Publish the answer' })).toHaveCount(0);
	await amira.goto(`/me/forum/issues/${id}`);
	await expect(amira.getByText(answer)).toHaveCount(0);
});

test('a Pledge comment reaches the officer with its promise, rating and date, named to her only, and becomes a concern', async ({
	as
}) => {
	const amira = await on(as)('amira');
	await amira.goto('/me/pledge');
	const promise = amira
		.getByRole('listitem')
		.filter({ has: amira.getByText('Tell us more') })
		.first();
	const promiseText = (await promise.locator('p').first().innerText()).trim();
	const comment = `Nobody at home listens when I say I am scared (${Date.now()})`;
	await promise.getByLabel('No', { exact: true }).check();
	await promise.getByLabel("Tell us more (you don't have to)").fill(comment);
	await promise.getByRole('button', { name: 'Save my answer' }).click();
	await expect(promise.getByText("Thanks, we've saved your answer.")).toBeVisible();

	const leah = await on(as)('leah.mensah');
	await openNotice(leah, 'A young person has told us more about a promise.');
	await expect(leah).toHaveURL(/\/board\/pledge$/);
	const item = leah.getByRole('listitem').filter({ hasText: comment });
	await expect(item).toContainText(promiseText);
	await expect(item).toContainText('Kept for them: No');
	await expect(item).toContainText('Amira');
	await expect(item).toContainText(String(new Date().getFullYear()));
	await expectAccessible(leah);
	await expectFitsWidth(leah);

	// A Board member reads the comment, but no name, and cannot open it.
	const chair = await on(as)('cllr.pemberton');
	await chair.goto('/board/pledge');
	const seen = chair.getByRole('listitem').filter({ hasText: comment });
	await expect(seen).toContainText('Kept for them: No');
	await expect(chair.getByTestId('pledge-comments')).not.toContainText('Amira');
	await expect(seen.getByRole('link')).toHaveCount(0);

	await leah.setViewportSize({ width: 1280, height: 800 });
	await item.getByRole('link').click();
	await leah.getByLabel('What worries you').fill('Says she is scared at home; check in today.');
	await leah.getByRole('button', { name: 'Raise the concern now' }).click();
	await expect(leah.getByText('Concern raised.')).toBeVisible();
	const pledgePage = leah.url();

	const holly = await on(as)('holly.brennan');
	await openNotice(holly, 'A young person needs help now.');
	await expect(holly.getByText('about a Pledge promise')).toBeVisible();
	await holly.getByRole('link', { name: 'Read what they wrote, and the concern' }).click();
	await expect(holly.getByTestId('concern-words')).toContainText(comment);

	await amira.goto('/me/pledge');
	await expect(
		amira.getByText('Someone who looks after you will talk with you soon')
	).toBeVisible();

	// Once a concern, it leaves the Board's list.
	await chair.goto('/board/pledge');
	await expect(chair.getByText(comment)).toHaveCount(0);

	// Refused: a Board member cannot open a named comment or raise a concern from it.
	expect((await chair.goto(pledgePage))?.status()).toBe(403);
	const post = await chair.request.post(`${pledgePage}?/concern`, {
		form: { note: 'x', allegation: 'none' },
		headers: { origin: hearth.origin }
	});
	expect(post.status()).toBe(403);
});

test('a young person or a worker cannot approve, decline or raise a concern', async ({ as }) => {
	const amira = await on(as)('amira');
	const id = await raiseIssue(amira, `Wi-Fi ${Date.now()}`, 'The Wi-Fi is slow.');
	const holly = await on(as)('holly.brennan');
	for (const page of [amira, holly]) {
		for (const [action, form] of [
			['approve', {}],
			['decline', { reason: 'No' }],
			['concern', { note: 'x', allegation: 'none' }]
		] as const) {
			const response = await page.request.post(`/board/issues/${id}?/${action}`, {
				form,
				headers: { origin: hearth.origin },
				maxRedirects: 0
			});
			expect(response.status(), `${action}`).toBe(403);
		}
	}
	// Still waiting: nothing they sent changed it.
	const leah = await on(as)('leah.mensah');
	await leah.goto(`/board/issues/${id}`);
	await expect(leah.getByRole('button', { name: 'Approve for the forum' })).toBeVisible();
});
