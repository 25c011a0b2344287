import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFitsWidth, signIn, test } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';
import { addCalendarDays } from '../../src/lib/domain/reviews';
import { stageOneDueOn, workingDaysLeft } from '../../src/lib/domain/complaints';
import { ukToday } from '../../src/lib/domain/people';
import { formatDate } from '../../src/lib/utils';

// A Hearth of its own: the complaints sent here would change the shared demo's inboxes and counts.
const hearth = new OwnHearth(port(77), 'complaints');
test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.beforeAll(async () => {
	await hearth.start();
});
test.afterAll(() => hearth.stop());

const SERVICE = 'Brightwater Young People’s Advocacy';

/** A phone-sized browser on this Hearth, signed in, with or without JavaScript. */
async function phone(
	browser: import('@playwright/test').Browser,
	username: string,
	javaScriptEnabled = true
): Promise<Page> {
	const context = await browser.newContext({
		baseURL: hearth.origin,
		viewport: { width: 320, height: 640 },
		javaScriptEnabled
	});
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

/** Tap a chip (a radio styled as a button) in a question, by its words, as a child would. */
async function pick(page: Page, question: string | RegExp, choice: string) {
	const group = page.getByRole('group', { name: question });
	await group.locator('label', { hasText: choice }).click();
	await expect(group.getByRole('radio', { name: choice, exact: true })).toBeChecked();
}

test('a child complains on a small phone and is told who has it and when to expect an answer', async ({
	browser
}) => {
	const tyler = await phone(browser, 'tyler');
	await tyler.goto('/me/say/complain');
	// The advocacy number is on the form, and the question names the service.
	const help = tyler.getByTestId('complain-help');
	await expect(help).toContainText('the complaints manager at Brightwater Council gets it');
	await expect(help.getByRole('link', { name: '01632 960 450' })).toHaveAttribute(
		'href',
		'tel:01632960450'
	);
	await expect(help).toContainText(`If you say no, we will not pass anything to ${SERVICE}`);
	await expectFitsWidth(tyler);
	await expectAccessible(tyler);

	await pick(tyler, 'What would you like?', 'Both');
	await pick(
		tyler,
		`If you want an advocate: can we pass your name and what you wrote to ${SERVICE}?`,
		'Yes, you can'
	);
	await tyler.getByLabel(/What is it about/).fill('My family time keeps being cancelled.');
	await tyler.getByRole('button', { name: 'Send' }).click();

	await expect(tyler).toHaveURL(/\/me\/messages\/\w+\?sent/);
	const status = tyler.getByTestId('complaint-status');
	await expect(status).toContainText(
		'The complaints manager at Brightwater Council has your complaint.'
	);
	const due = formatDate(stageOneDueOn(ukToday(new Date()), false));
	await expect(status).toContainText(`You should get an answer by ${due}.`);
	await expect(status).toContainText(`We will pass your name and what you wrote to ${SERVICE}.`);
	await expectFitsWidth(tyler);
	await expectAccessible(tyler);
	await tyler.context().close();
});

test('without JavaScript, a child who wants an advocate but says no is told what happens instead', async ({
	browser
}) => {
	const amira = await phone(browser, 'amira', false);
	await amira.goto('/me/say/complain');
	await expect(amira.getByTestId('complain-help')).toContainText('01632 960 450');
	await expectFitsWidth(amira);
	// A mistake keeps what was typed: nothing chosen yet.
	await amira.getByLabel(/What is it about/).fill('I want help at my review.');
	await amira.getByRole('button', { name: 'Send' }).click();
	await expect(amira.getByLabel(/What is it about/)).toHaveValue('I want help at my review.');

	await pick(amira, 'What would you like?', 'An advocate');
	await pick(amira, /can we pass your name/, "No, please don't");
	await amira.getByRole('button', { name: 'Send' }).click();
	await expect(amira).toHaveURL(/\/me\/messages\/\w+\?sent/);
	const status = amira.getByTestId('complaint-status');
	await expect(status).toContainText('You did not want us to pass on your name, so we have not.');
	await expect(status).not.toContainText('has your complaint');
	// axe runs in the page, so not here: test one checks these pages with JavaScript on.
	await expectFitsWidth(amira);
	expect(
		hearth.query<{ n: number }>(
			"select count(*) as n from advocacy_requests a join users u on u.id = a.young_person_id where u.username = 'amira'"
		)[0].n
	).toBe(0);
	await amira.context().close();
});

test('the complaints manager sees the clock, overdue flagged, extends it and answers; the child reads the answer', async ({
	browser
}) => {
	const tom = await phone(browser, 'tom.ashby');
	await tom.setViewportSize({ width: 1024, height: 800 });
	await expect(tom).toHaveURL('/work');
	await tom
		.getByRole('link', { name: /Complaints waiting for an answer: 1\. Overdue: 0\./ })
		.click();
	const open = tom.getByTestId('open-complaints');
	const today = ukToday(new Date());
	await expect(open).toContainText(`Answer due ${formatDate(stageOneDueOn(today, false))}`);
	await expect(tom.getByTestId('advocacy-requests')).toContainText('Tyler');
	await expect(tom.getByTestId('advocacy-requests')).toContainText(
		'My family time keeps being cancelled.'
	);
	await expectAccessible(tom);

	// Time passes (the complaint is made to have arrived long enough ago to be 5 working days late).
	const received = receivedDaysLate(today, 5);
	hearth.execute('update complaints set received_on = ?', received);
	await tom.reload();
	await expect(open).toContainText('Overdue by 5 working days');
	await expectFitsWidth(tom);
	await open.getByRole('link', { name: 'Tyler' }).click();
	const clock = tom.getByTestId('complaint-clock');
	await expect(clock).toContainText('Overdue by 5 working days');
	await expect(tom.getByText('My family time keeps being cancelled.')).toBeVisible();

	// An extension needs a reason, then moves the due day to 20 working days.
	await tom.getByRole('button', { name: 'Extend to 20 working days' }).click();
	await expect(tom.getByText('Say why it needs more time.')).toBeVisible();
	await tom.getByLabel('Why it needs more time').fill('Waiting to hear from the foster carer.');
	await tom.getByRole('button', { name: 'Extend to 20 working days' }).click();
	await expect(tom.getByRole('status')).toContainText('Extended.');
	await expect(clock).toContainText('extended to 20 working days');
	const left = workingDaysLeft(today, stageOneDueOn(received, true));
	await expect(clock).toContainText(`(${left} working days left)`);
	await expectAccessible(tom);

	await tom
		.getByLabel('Your answer to the young person')
		.fill('We are sorry. Your family time is now every Saturday.');
	await tom.getByRole('button', { name: 'Send the answer' }).click();
	await expect(tom.getByRole('status')).toContainText('Answer sent.');
	await expect(clock).toContainText('Answered');

	// His worker, who has the message, sees where the clock stands.
	const sam = await phone(browser, 'sam.okafor');
	const statementId = hearth.query<{ statement_id: string }>(
		'select statement_id from complaints'
	)[0].statement_id;
	await sam.goto(`/work/statements/${statementId}`);
	await expect(sam.getByTestId('statement-complaint')).toContainText('Answered');
	await expectAccessible(sam);
	await sam.context().close();

	const tyler = await phone(browser, 'tyler', false);
	await tyler.goto('/me/messages');
	await tyler
		.getByRole('link', { name: /complain/i })
		.first()
		.click();
	const status = tyler.getByTestId('complaint-status');
	await expect(status).toContainText('They answered on');
	await expect(status).toContainText('We are sorry. Your family time is now every Saturday.');
	await expectFitsWidth(tyler);
	await tyler.context().close();
	await tom.context().close();
});

test('in Arabic the form reads right to left, with the advocacy number kept whole and left to right', async ({
	browser
}) => {
	// Yusuf reads Hearth in Arabic (his own choice in the demo).
	const yusuf = await phone(browser, 'yusuf');
	await yusuf.goto('/me/say/complain');
	await expect(yusuf.locator('html')).toHaveAttribute('dir', 'rtl');
	const help = yusuf.getByTestId('complain-help');
	await expect(help).toContainText('مسؤول الشكاوى');
	await expect(help.locator('bdi[dir="ltr"]')).toHaveText('01632 960 450');
	await expect(yusuf.getByRole('group', { name: /هل يمكننا أن نعطي اسمك/ })).toBeVisible();
	await expectFitsWidth(yusuf);
	await expectAccessible(yusuf);
	await yusuf.context().close();
});

test('only the complaints manager opens the complaints pages', async ({ browser }) => {
	const id = hearth.query<{ id: string }>('select id from complaints')[0].id;
	for (const username of ['sam.okafor', 'holly.brennan', 'nadia.hussain', 'tyler', 'amira']) {
		const page = await phone(browser, username);
		for (const path of ['/work/complaints', `/work/complaints/${id}`]) {
			const response = await page.request.get(path, { maxRedirects: 0 });
			expect(response.status(), `${username} ${path}`).toBe(403);
		}
		await page.context().close();
	}
});

/** The day a complaint was received for its stage-1 answer to be `late` working days overdue today. */
function receivedDaysLate(today: string, late: number): string {
	let day = today;
	// Each day further back moves the due day back by at most one working day, so this lands.
	while (workingDaysLeft(today, stageOneDueOn(day, false)) !== -late)
		day = addCalendarDays(day, -1);
	return day;
}
