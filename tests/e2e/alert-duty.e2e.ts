import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFitsWidth, test } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/*
 * Issue 18, items 1 and 2: every manager sees every open safety alert at the top of their home
 * page, and the alert page holds what a duty manager needs at 2 a.m. It raises an alert and
 * moves the server's clock, so it has a Hearth of its own (port(50)).
 *
 * Chloe (17) has a social worker, Holly (who has given a work phone), and a PA, Marcus (who has
 * not). Gareth is the manager on duty; Nadia is a manager off duty. Neither is linked to her.
 * Sam is a social worker who is not linked to her either.
 */

const hearth = new OwnHearth(port(50), 'alert-duty', { HEARTH_TEST_CLOCK: '1' });
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.beforeAll(() => hearth.start().then(() => undefined));
test.afterAll(() => hearth.stop());

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 320, height: 640 };
const NOTE = 'Rang Chloe at 02:14. She is at her friend Amy’s house and safe for tonight.';

/** The text of the alert log line for a step, e.g. "Told at once". */
const logLine = (page: Page, step: string) =>
	page.getByTestId('alert-log').getByRole('listitem').filter({ hasText: step });

test('a duty manager sees the alert on their home page, has what they need on it, and closes it; Chloe is told', async ({
	as
}) => {
	// Chloe, on a small phone, taps "I feel unsafe".
	const chloe = await as('chloe', { baseURL: hearth.origin, viewport: PHONE });
	await chloe.getByRole('button', { name: 'I feel unsafe' }).click();
	await expect(chloe).toHaveURL(/\/me\/unsafe\/\w+#told$/);
	const alertId = new URL(chloe.url()).pathname.split('/').pop()!;
	await expect(
		chloe.getByText('Your alert has been sent. A worker will see it very soon.')
	).toBeVisible();

	// Gareth, on duty, not linked to Chloe, signs in on a desktop: the alert is at the top of
	// the page he lands on and of his inbox.
	const gareth = await as('gareth.lloyd', { baseURL: hearth.origin, viewport: DESKTOP });
	await expect(gareth).toHaveURL('/home');
	await expect(
		gareth.getByTestId('inbox-alerts').getByRole('link', { name: 'Chloe feels unsafe' })
	).toBeVisible();
	await expectAccessible(gareth);
	await gareth.goto('/work');
	const garethAlert = gareth
		.getByTestId('inbox-alerts')
		.getByRole('link', { name: 'Chloe feels unsafe' });
	await expect(garethAlert).toBeVisible();
	await expect(gareth.getByText('No open safety alerts.')).toHaveCount(0);
	// At the top: the first thing under the page's heading.
	await expect(gareth.locator('main h2').first()).toHaveText('Safety alerts');
	await expect(gareth.getByTestId('inbox-alerts')).toContainText(
		'Open: nobody has acknowledged it yet'
	);
	await expectAccessible(gareth);
	// The Board's page says alerts are open, without a name.
	await gareth.goto('/board');
	await expect(gareth.getByTestId('board-alerts')).toHaveText(
		/Open safety alerts: 1\. Go to your inbox/
	);
	await expect(gareth.getByTestId('board-alerts')).not.toContainText('Chloe');

	// Nadia, a manager off duty, sees it in her inbox too, before and after it escalates.
	const nadia = await as('nadia.hussain', {
		baseURL: hearth.origin,
		viewport: DESKTOP,
		javaScriptEnabled: false
	});
	await expect(nadia).toHaveURL('/work');
	await expect(
		nadia.getByTestId('inbox-alerts').getByRole('link', { name: 'Chloe feels unsafe' })
	).toBeVisible();
	expect((await nadia.request.post('/__test/clock?minutes=31')).ok()).toBe(true);
	await nadia.reload();
	await expect(nadia.getByTestId('inbox-alerts')).toContainText('escalated 1 times');

	// The alert page: who she is, who to ring, who was told and when.
	await gareth.goto('/work');
	await expect(garethAlert).toBeVisible();
	await garethAlert.click();
	await expect(gareth).toHaveURL(`/work/alerts/${alertId}`);
	await expect(gareth.getByRole('heading', { level: 1 })).toHaveText('Safety alert: Chloe');
	await expect(gareth.getByRole('link', { name: "Open Chloe's record" })).toHaveAttribute(
		'href',
		/^\/work\/young-people\/\w+$/
	);
	const ring = gareth.getByTestId('alert-contacts');
	await expect(ring).toContainText(
		"Hearth does not hold where Chloe lives now or their carer's phone number yet. Check the case record, or ring the out-of-hours team below."
	);
	await expect(ring.getByRole('listitem').filter({ hasText: 'Holly Brennan' })).toContainText(
		'Holly Brennan, Social worker: 01632 960 214'
	);
	await expect(ring.getByRole('link', { name: '01632 960 214' })).toHaveAttribute(
		'href',
		'tel:01632960214'
	);
	await expect(ring.getByRole('listitem').filter({ hasText: 'Marcus Reid' })).toContainText(
		'Marcus Reid, Personal adviser (PA): Hearth holds no work phone for them.'
	);
	await expect(ring).toContainText("The council's out-of-hours team: 01632 960 999");
	await expect(ring.getByRole('link', { name: '01632 960 999' })).toHaveAttribute(
		'href',
		'tel:01632960999'
	);
	const toldAtOnce = logLine(gareth, 'Told at once');
	for (const person of [
		'Gareth Lloyd (manager on duty)',
		'Holly Brennan (their worker)',
		'Marcus Reid (their worker)'
	])
		await expect(toldAtOnce).toContainText(person);
	await expect(toldAtOnce).not.toContainText('Nadia');
	const escalated = logLine(gareth, 'Escalation 1');
	await expect(escalated).toContainText('Nadia Hussain (manager)');
	await expect(escalated).toContainText('Gareth Lloyd (manager)');
	// Each step has its time, and the escalation came half an hour after the alert.
	const minutesOf = async (line: ReturnType<typeof logLine>) => {
		const [, hours, minutes] = /(\d{1,2}):(\d{2})/.exec((await line.textContent()) ?? '')!;
		return Number(hours) * 60 + Number(minutes);
	};
	const gap = ((await minutesOf(escalated)) - (await minutesOf(toldAtOnce)) + 1440) % 1440;
	expect(gap).toBeGreaterThanOrEqual(31);
	expect(gap).toBeLessThanOrEqual(33);
	await expectAccessible(gareth);

	// Sam is not linked to Chloe: he cannot open the page or write on it.
	const sam = await as('sam.okafor', { baseURL: hearth.origin });
	expect((await sam.request.get(`/work/alerts/${alertId}`)).status()).toBe(403);
	const samNote = await sam.request.post(`/work/alerts/${alertId}?/note`, {
		form: { note: 'Sam was here' },
		headers: { origin: hearth.origin }
	});
	expect(samNote.status()).toBe(403);
	for (const action of ['note', 'close', 'acknowledge']) {
		const fromChloe = await chloe.request.post(`/work/alerts/${alertId}?/${action}`, {
			form: { note: 'Chloe', outcome: 'other', closeNote: 'Chloe' },
			headers: { origin: hearth.origin }
		});
		expect(fromChloe.status(), action).toBe(403);
	}

	// Nadia, without JavaScript: an empty note and one too long are refused beside the field,
	// and what she typed is kept.
	await nadia.goto(`/work/alerts/${alertId}`);
	await nadia.getByRole('button', { name: 'Add the note' }).click();
	const noteField = nadia.getByLabel('Add a note');
	await expect(noteField).toHaveAccessibleDescription(/Write what was done before saving\./);
	const tooLong = 'We rang. '.repeat(230);
	await noteField.fill(tooLong);
	await nadia.getByRole('button', { name: 'Add the note' }).click();
	await expect(nadia.getByLabel('Add a note')).toHaveAccessibleDescription(
		/This is too long\. Please keep it under 2,000 letters\./
	);
	await expect(nadia.getByLabel('Add a note')).toHaveValue(tooLong);
	// (axe needs JavaScript in the page: it runs on Gareth's, with an error showing, below.)

	// Gareth acknowledges it: Chloe reads that a worker has seen it.
	await gareth.getByRole('button', { name: "I'm dealing with this" }).click();
	await expect(gareth.getByText(/^Acknowledged by Gareth Lloyd on /)).toBeVisible();
	await chloe.reload();
	await expect(chloe.getByTestId('alert-status')).toHaveText('A worker has seen your alert.');

	// He writes down what he did: the note keeps his name and the time.
	await gareth.getByLabel('Add a note').fill(NOTE);
	await gareth.getByRole('button', { name: 'Add the note' }).click();
	await expect(gareth.getByText('Your note has been added.')).toBeVisible();
	const note = gareth.getByTestId('alert-notes').getByRole('listitem');
	await expect(note).toHaveCount(1);
	await expect(note).toContainText(NOTE);
	await expect(note).toContainText(/Gareth Lloyd, .*\d{1,2}:\d{2}/);
	await expect(logLine(gareth, 'Note added by Gareth Lloyd')).toHaveCount(1);

	// Closing without an outcome is refused beside the field, with the note kept.
	await gareth.getByLabel('Closing note').fill('Visited in the morning.');
	await gareth.getByRole('button', { name: 'Close the alert' }).click();
	await expect(gareth.getByLabel('How did it end?')).toHaveAccessibleDescription(
		/Choose how it ended\./
	);
	await expect(gareth.getByLabel('Closing note')).toHaveValue('Visited in the morning.');
	await expectAccessible(gareth);
	await gareth.getByLabel('How did it end?').selectOption({ label: 'Visited them' });
	await gareth.getByRole('button', { name: 'Close the alert' }).click();
	await expect(gareth.getByRole('status').first()).toContainText(
		/Closed by Gareth Lloyd on .*: Visited them/
	);
	await expect(gareth.getByRole('button', { name: 'Close the alert' })).toHaveCount(0);
	await expectAccessible(gareth);

	// A second close (a form sent twice) changes nothing.
	const again = await gareth.request.post(`/work/alerts/${alertId}?/close`, {
		form: { outcome: 'other', closeNote: 'Sent twice' },
		headers: { origin: hearth.origin }
	});
	expect(again.status()).toBe(200);
	await gareth.reload();
	await expect(logLine(gareth, 'Closed by')).toHaveCount(1);
	await expect(gareth.getByRole('status').first()).toContainText('Visited them');
	await expect(gareth.getByText('Sent twice')).toHaveCount(0);

	// Closed, it leaves the managers' inboxes.
	await nadia.goto('/work');
	await expect(nadia.getByText('No open safety alerts.')).toBeVisible();

	// Chloe reads that it was dealt with, on the page and in her messages; never the notes.
	await chloe.reload();
	await expect(chloe.getByTestId('alert-status')).toHaveText(
		'A worker has dealt with your alert. If you still feel unsafe, press "I feel unsafe" again or call one of the numbers below.'
	);
	await expect(chloe.getByText(/Amy|Visited in the morning|Gareth/)).toHaveCount(0);
	await expectAccessible(chloe);
	await expectFitsWidth(chloe);
	await chloe.goto('/me/messages');
	await expect(chloe.getByTestId('my-alerts')).toContainText('A worker has dealt with it.');
	await expect(chloe.getByText(/Amy|Visited in the morning|Gareth/)).toHaveCount(0);
	await expectAccessible(chloe);
	await expectFitsWidth(chloe);
});

test('a member of staff sets their own work phone; a wrong one is refused beside the field', async ({
	as
}) => {
	const marcus = await as('marcus.reid', { baseURL: hearth.origin });
	await marcus.goto('/account/notifications');
	const phone = marcus.getByRole('textbox', { name: 'Work phone' });
	await phone.fill('ring me');
	await marcus.getByRole('button', { name: 'Save the work phone' }).click();
	await expect(marcus.getByRole('textbox', { name: 'Work phone' })).toHaveAccessibleDescription(
		/Use a phone number with digits and spaces only\./
	);
	await expect(marcus.getByRole('textbox', { name: 'Work phone' })).toHaveValue('ring me');
	await expectAccessible(marcus);
	await marcus.getByRole('textbox', { name: 'Work phone' }).fill('01632 960 577');
	await marcus.getByRole('button', { name: 'Save the work phone' }).click();
	await expect(marcus.getByText('Work phone saved.')).toBeVisible();
	await expect(marcus.getByRole('textbox', { name: 'Work phone' })).toHaveValue('01632 960 577');

	// The manager sees it on Chloe's next alert.
	const chloe = await as('chloe', { baseURL: hearth.origin, viewport: PHONE });
	await chloe.getByRole('button', { name: 'I feel unsafe' }).click();
	await expect(chloe).toHaveURL(/\/me\/unsafe\/\w+#told$/);
	const alertId = new URL(chloe.url()).pathname.split('/').pop()!;
	const gareth = await as('gareth.lloyd', { baseURL: hearth.origin });
	await gareth.goto(`/work/alerts/${alertId}`);
	await expect(
		gareth.getByTestId('alert-contacts').getByRole('link', { name: '01632 960 577' })
	).toHaveAttribute('href', 'tel:01632960577');
	// A young person has no work phone to set.
	const refused = await chloe.request.post('/account/notifications?/workPhone', {
		form: { workPhone: '01632 960 000' },
		headers: { origin: hearth.origin }
	});
	expect(refused.status()).toBe(403);
});
