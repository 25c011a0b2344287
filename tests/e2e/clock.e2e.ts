import { expect, expectAccessible, expectFitsWidth, test as base } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

// These tests move the server's clock (POST /__test/clock, allowed only with HEARTH_TEST_CLOCK=1).
// Time moved on for one moves on for every test using that server, so they have a Hearth of their
// own (port(70)) and run one after the other, in one worker.
const hearth = new OwnHearth(port(70), 'clock', { HEARTH_TEST_CLOCK: '1' });
const test = base.extend({ as: async ({ as }, use) => use(hearth.on(as, { reuse: true })) });
test.describe.configure({ mode: 'default', timeout: 120_000 });
test.beforeAll(() => hearth.start().then(() => undefined));
test.afterAll(() => hearth.stop());

test('"I feel unsafe" reaches the worker and the duty manager at once, and escalates if nobody answers', async ({
	as
}) => {
	const dan = await as('dan');
	await expect(dan).toHaveURL('/me');
	await dan.getByRole('button', { name: 'I feel unsafe' }).click();
	await expect(dan).toHaveURL(/\/me\/unsafe\/\w+/);
	await expect(dan.getByRole('heading', { level: 1 })).toHaveText("We've told your worker");
	await expect(dan.getByRole('link', { name: 'Emergency: 999' })).toHaveAttribute(
		'href',
		'tel:999'
	);
	await expect(dan.getByRole('link', { name: /Childline.*0800 1111/ })).toBeVisible();
	await expect(dan.getByRole('link', { name: /out-of-hours team: 01632 960/ })).toBeVisible();
	await expectAccessible(dan);
	await expectFitsWidth(dan);

	// His PA and the manager on duty see it straight away.
	const marcus = await as('marcus.reid');
	const alert = marcus.getByTestId('inbox-alerts').getByRole('link', { name: 'Dan feels unsafe' });
	await expect(alert).toBeVisible();
	await expectAccessible(marcus);
	const gareth = await as('gareth.lloyd');
	await gareth.goto('/work/team');
	await expect(gareth.getByText('You are on duty')).toBeVisible();
	await expect(gareth.getByTestId('team-alerts').getByRole('link', { name: 'Dan' })).toBeVisible();
	await expectAccessible(gareth);
	await gareth.getByTestId('team-alerts').getByRole('link', { name: 'Dan' }).click();
	await expect(gareth.getByTestId('alert-log')).toContainText('Told at once: ');
	await expectAccessible(gareth);

	// The manager who is off duty is not told yet.
	const nadia = await as('nadia.hussain');
	await nadia.goto('/notices');
	await expect(nadia.getByText('A safety alert is still waiting')).toHaveCount(0);

	// Nobody acknowledges it. Move the server's clock past the council's 30 minutes.
	const moved = await nadia.request.post('/__test/clock?minutes=31');
	expect(moved.ok()).toBe(true);
	await nadia.reload();
	await expect(
		nadia.getByText('A safety alert is still waiting for an answer.').first()
	).toBeVisible();
	await gareth.reload();
	await expect(gareth.getByTestId('alert-log')).toContainText(
		/Escalation 1: told .*Nadia Hussain \(manager\)/
	);

	// Marcus acknowledges it: the log says so, and the escalations stop.
	await alert.click();
	await marcus.getByRole('button', { name: "I'm dealing with this" }).click();
	await expect(marcus.getByRole('status')).toContainText('Acknowledged by Marcus Reid');
	await expect(marcus.getByTestId('alert-log')).toContainText('Acknowledged by Marcus Reid');
	await expectAccessible(marcus);
	await marcus.request.post('/__test/clock?minutes=120');
	await marcus.reload();
	await expect(marcus.getByTestId('alert-log')).not.toContainText('Escalation 2');
	await dan.reload();
	await expect(dan.getByText('A worker has seen your alert.')).toBeVisible();
});

test('from "we said" to "they did": an anonymous issue reaches the Board, is acted on, and answered', async ({
	as
}) => {
	// Tyler raises an issue with the Children in Care Council, without his name.
	const tyler = await as('tyler');
	await tyler.goto('/me/forum');
	await expectAccessible(tyler);
	await tyler
		.getByRole('group', { name: 'Which forum?' })
		.locator('label', { hasText: 'Children in Care Council' })
		.click();
	await tyler.getByLabel('Title').fill('Pocket money is different in every home');
	await tyler
		.getByLabel('What is wrong?')
		.fill('My carer Mrs Patel gives less than other carers. <b>Not fair</b>');
	await tyler
		.getByLabel('What do you want to change?')
		.fill('The same pocket money for everyone my age.');
	await tyler.getByRole('button', { name: 'Raise it' }).click();
	await expect(
		tyler.getByText('Thank you! A participation officer will read your issue first.')
	).toBeVisible();
	await expect(
		tyler.getByRole('link', { name: 'Pocket money is different in every home' })
	).toBeVisible();
	await expectFitsWidth(tyler);

	// The participation officer checks it first: she edits out the carer's name and approves it.
	const leah = await as('leah.mensah');
	await leah.goto('/board/issues');
	await leah.getByRole('link', { name: 'Pocket money is different in every home' }).click();
	await leah
		.getByLabel('What is wrong?')
		.fill('My carer gives less than other carers. <b>Not fair</b>');
	await leah.getByRole('button', { name: 'Save the edited words' }).click();
	await expect(leah.getByText(/Edited by Leah Mensah/)).toBeVisible();
	await expect(leah.getByText(/Mrs Patel/)).toBeVisible(); // the original, for officers only
	await leah.getByRole('button', { name: 'Approve for the forum' }).click();
	await expect(leah.getByText('Saved.')).toBeVisible();

	// Two forum members support it; a second support from the same person counts once.
	for (const member of ['amira', 'jayden']) {
		const page = await as(member);
		await page.goto('/me/forum');
		await page.getByRole('link', { name: 'Pocket money is different in every home' }).click();
		await expect(page.getByText('Raised without a name')).toBeVisible();
		// The forum reads the words as the officer edited them: the carer's name is gone, and
		// markup is shown as text, never run.
		await expect(page.getByText('<b>Not fair</b>', { exact: false })).toBeVisible();
		await expect(page.getByText(/Mrs Patel/)).toHaveCount(0);
		await page.getByRole('button', { name: 'Support this' }).click();
		await expect(page.getByText('You support this')).toBeVisible();
		const again = await page.request.post(`${new URL(page.url()).pathname}?/support`, {
			form: {},
			headers: { origin: hearth.origin }
		});
		expect(again.ok()).toBe(true);
		await expectAccessible(page);
	}

	// The participation officer takes it to the Board.
	await leah.goto('/board/issues');
	await leah.getByRole('link', { name: 'Pocket money is different in every home' }).click();
	await expect(leah.getByText('Supported by 2')).toBeVisible();
	await leah.getByRole('button', { name: 'Take to the Board' }).click();
	await expect(leah.getByText('Taken to the Board').first()).toBeVisible();
	await expectAccessible(leah);

	// A meeting, with the issue on its agenda and an action for a councillor.
	await leah.goto('/board/meetings');
	const meetingDay = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
	await leah.getByLabel('Date').fill(meetingDay);
	await leah.getByLabel('Place').fill('Committee Room 2, Town Hall');
	await leah.getByRole('button', { name: 'Create the meeting' }).click();
	await leah
		.getByLabel('Add an issue taken to the Board')
		.selectOption({ label: 'Pocket money is different in every home (Children in Care Council)' });
	await leah.getByRole('button', { name: 'Add to the agenda' }).click();
	await expect(leah.getByTestId('agenda')).toContainText('Pocket money is different in every home');
	await leah
		.getByLabel('What will be done')
		.fill('Agree one pocket money rate for every age, for all carers');
	await leah.getByLabel('Owner').selectOption({ label: 'Cllr Dev Shah' });
	// A due date in the past is refused.
	await leah.getByLabel('Due date').fill('2020-01-01');
	await leah.getByRole('button', { name: 'Add the action' }).click();
	await expect(leah.getByText('Choose a date from today onwards.')).toBeVisible();
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	await leah.getByLabel('Due date').fill(tomorrow);
	await leah
		.getByLabel('Answers the issue')
		.selectOption({ label: 'Pocket money is different in every home' });
	await leah.getByRole('button', { name: 'Add the action' }).click();
	await expect(leah.getByTestId('actions')).toContainText('Not started');
	await expectAccessible(leah);

	// The owner updates it.
	const shah = await as('cllr.shah');
	await shah
		.getByTestId('actions')
		.getByRole('link', { name: /one pocket money rate/ })
		.click();
	await shah.getByLabel('Status').selectOption('on_track');
	await shah.getByLabel('Progress (%)').fill('40');
	await shah.getByLabel('Update').fill('Finance have costed two options.');
	await shah.getByRole('button', { name: 'Save the update' }).click();
	await expect(shah.getByTestId('action-status')).toHaveText(/On track · 40%/);
	await expectAccessible(shah);
	const actionUrl = new URL(shah.url()).pathname;

	// Another councillor is not the owner or the chair: refused.
	const dev = await as('gareth.lloyd');
	const refused = await dev.request.post(`${actionUrl}?/update`, {
		form: { status: 'done', progress: '100', note: 'not mine' },
		headers: { origin: hearth.origin }
	});
	expect(refused.status()).toBe(403);

	// Two days later, not done: it is overdue, and shown first.
	expect((await shah.request.post('/__test/clock?minutes=2880')).ok()).toBe(true);
	await shah.reload();
	await expect(shah.getByTestId('action-status')).toHaveText(/Overdue/);
	await shah.goto('/board');
	await expect(shah.getByTestId('actions').getByRole('row').nth(1)).toContainText('Overdue');
	await shah.goto(actionUrl);
	await shah.getByLabel('Status').selectOption('done');
	await shah.getByLabel('Update').fill('Agreed at Cabinet: one rate for each age from April.');
	await shah.getByRole('button', { name: 'Save the update' }).click();
	await expect(shah.getByTestId('action-status')).toHaveText(/Done · 100%/);

	// The officer publishes the answer; Tyler is told and it is on the public page, without his name.
	await leah.goto('/board/issues');
	await leah.getByRole('link', { name: 'Pocket money is different in every home' }).click();
	const answer =
		'From April every child in care gets the same pocket money for their age, whoever their carer is.';
	await leah.getByLabel('The answer, in plain words').fill(answer);
	await leah.getByRole('button', { name: 'Publish the answer' }).click();
	await expect(leah.getByText('Saved.')).toBeVisible();
	await tyler.goto('/notices');
	await expect(
		tyler.getByText(/news about something the forum or the Board/).first()
	).toBeVisible();
	await tyler.goto('/me/forum');
	await tyler.getByRole('link', { name: 'Pocket money is different in every home' }).click();
	await expect(tyler.getByText(answer)).toBeVisible();
	await tyler
		.getByRole('group', { name: 'Did this help?' })
		.locator('label', { hasText: 'Yes' })
		.click();
	await tyler.getByRole('button', { name: 'Tell them' }).click();
	await expect(tyler.getByText('Thank you for telling us.')).toBeVisible();

	const visitorContext = await tyler.context().browser()!.newContext({ baseURL: hearth.origin });
	const visitor = await visitorContext.newPage();
	await visitor.goto('/you-said-we-did');
	const published = visitor.getByRole('article').filter({ hasText: 'Pocket money' });
	await expect(published).toContainText(answer);
	await expect(published).not.toContainText('Tyler');
	await expectAccessible(visitor);
	await visitorContext.close();

	// The councillor cannot find who raised it: not on the pages, not in the export, not in page data.
	for (const path of ['/board', '/board/meetings', actionUrl, '/board/scorecard']) {
		const html = await (await shah.request.get(path)).text();
		expect(html, path).not.toContain('Tyler');
		const data = await shah.request.get(`${path}/__data.json`);
		expect(await data.text(), `${path} data`).not.toContain('Tyler');
	}
	const exported = await (await shah.request.get('/board/issues.csv')).text();
	expect(exported).toContain('Pocket money');
	expect(exported).not.toContain('Tyler');
	expect((await shah.goto('/board/issues'))?.status()).toBe(403);
	const tylerId = hearth.query<{ id: string }>("select id from users where username = 'tyler'")[0]
		.id;
	expect(exported).not.toContain(tylerId);
});
