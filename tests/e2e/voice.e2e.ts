import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	expectFitsWidth,
	readDemoDatabase,
	test,
	untilControlled
} from './fixtures';
import { DEMO_ORIGIN } from './ports';

const ORIGIN = DEMO_ORIGIN;

// Most tests here have several people acting at once, each signing in (argon2) and checked with axe.
// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel', timeout: 90_000 });

/** A chip (a radio or checkbox styled as a button) in a question, by its words. */
function chip(page: Page, question: string | RegExp, choice: string) {
	const group = page.getByRole('group', { name: question });
	return group
		.getByRole('radio', { name: choice, exact: true })
		.or(group.getByRole('checkbox', { name: choice, exact: true }));
}

/** Pick a chip by tapping it, as a child would. */
/** The drafts kept on this phone for a "My plans" form, as their stored bytes read as text. */
function draftsOnPhone(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve) => {
				const open = indexedDB.open('hearth-drafts');
				open.onupgradeneeded = () => open.result.createObjectStore('drafts');
				open.onsuccess = () => {
					const db = open.result;
					const store = db.transaction('drafts').objectStore('drafts');
					const keys = store.getAllKeys();
					const values = store.getAll();
					values.onsuccess = () => {
						db.close();
						resolve(
							values.result
								.filter((_, i) => String(keys.result[i]).endsWith(':plans'))
								.map((sealed: { data: ArrayBuffer }) =>
									String.fromCharCode(...new Uint8Array(sealed.data))
								)
						);
					};
				};
			})
	);
}

async function pick(page: Page, question: string | RegExp, choice: string) {
	await page.getByRole('group', { name: question }).locator('label', { hasText: choice }).click();
	await expect(chip(page, question, choice)).toBeChecked();
}

test('a child says how they feel, their worker replies, and the child sees they were heard', async ({
	as
}) => {
	const maya = await as('maya');
	await maya.getByRole('link', { name: 'Say how things are' }).first().click();
	await expect(maya).toHaveURL('/me/say');
	await expectAccessible(maya);
	await maya.getByRole('link', { name: /How I'm feeling/ }).click();
	await expect(maya.getByRole('heading', { level: 1 })).toHaveText("How I'm feeling");
	await expectAccessible(maya);
	await pick(maya, 'How do you feel?', 'Sad');
	await pick(maya, 'Pick any words that fit', 'Lonely');
	const words = 'I miss my little brother. Can I see him more?';
	await maya.getByLabel(/Do you want to say more/).fill(words);
	await expect(
		maya.getByRole('group', { name: 'Who should get this?' }).getByLabel(/Sam Okafor/)
	).toBeChecked();
	await expectFitsWidth(maya);
	await maya.setViewportSize({ width: 1280, height: 720 });
	await maya.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(maya).toHaveURL(/\/me\/messages\/\w+\?sent/);
	await expect(maya.getByText('Sent! Your worker will see it soon.')).toBeVisible();
	const receipts = maya.getByRole('list', { name: 'What happened to it' });
	await expect(receipts).toContainText('Read: not yet');
	await expect(receipts).toContainText('Answered: not yet');
	await expectAccessible(maya);
	const statementUrl = new URL(maya.url()).pathname.replace('/me/messages/', '/work/statements/');

	// The words are sealed in the database: a copy of the file does not give them away.
	const rows = readDemoDatabase<{ answers_sealed: string }>(
		`select answers_sealed from statements where id = '${statementUrl.split('/').pop()}'`
	);
	expect(rows).toHaveLength(1);
	expect(rows[0].answers_sealed).toMatch(/^v1\./);
	expect(rows[0].answers_sealed).not.toContain('brother');

	// Sam sees it in his inbox, unread, and opens it.
	const sam = await as('sam.okafor');
	await expect(sam).toHaveURL('/work');
	const item = sam
		.getByTestId('inbox-statements')
		.getByRole('listitem')
		.filter({ hasText: "How I'm feeling from Maya" })
		.first();
	await expect(item).toContainText('Unread');
	await expectAccessible(sam);
	await item.getByRole('link').click();
	await expect(sam.getByRole('heading', { level: 1 })).toHaveText("How I'm feeling from Maya");
	await expect(sam.getByText(words)).toBeVisible();
	await expect(sam.getByRole('definition').filter({ hasText: 'Sad' })).toBeVisible();
	await expect(sam.getByText('Lonely')).toBeVisible();
	await expectAccessible(sam);
	await sam
		.getByLabel('Reply to Maya')
		.fill('Thank you for telling me, Maya. I will ask about more visits with your brother.');
	await sam.getByRole('button', { name: 'Send reply' }).click();
	await expect(sam.getByText('Thank you for telling me, Maya.')).toBeVisible();

	// Tags, the case record and the printable copy.
	await sam
		.getByRole('group', { name: 'Themes' })
		.locator('label', { hasText: 'Family time' })
		.click();
	await sam.getByRole('button', { name: 'Save themes' }).click();
	await expect(sam.getByRole('status')).toHaveText('Saved.');
	await sam.getByRole('button', { name: 'Mark as added to the case record' }).click();
	await expect(sam.getByText(/Added to the case record on/)).toBeVisible();
	await sam.getByRole('link', { name: 'Printable copy' }).click();
	await expect(sam.getByRole('heading', { level: 1 })).toHaveText('Statement from Maya');
	await expect(sam.getByText(words)).toBeVisible();
	await expect(sam.getByText('I will ask about more visits')).toBeVisible();
	await expectAccessible(sam);
	await sam.emulateMedia({ media: 'print' });
	await expect(sam.getByRole('navigation')).toBeHidden();
	await expect(sam.getByRole('button', { name: 'Sign out' })).toBeHidden();
	await expect(sam.getByText(words)).toBeVisible();

	// Maya sees the reply, and that it was read and answered.
	await maya.goto('/me/messages');
	await expect(maya.getByText('New reply')).toBeVisible();
	await expectAccessible(maya);
	await maya
		.getByRole('link', { name: /How I'm feeling/ })
		.first()
		.click();
	await expect(maya.getByText('I will ask about more visits with your brother.')).toBeVisible();
	await expect(receipts).not.toContainText('not yet');
	await expectFitsWidth(maya);

	// Another child cannot open it: it looks the same as one that does not exist.
	const tyler = await as('tyler');
	const other = await tyler.goto(statementUrl.replace('/work/statements/', '/me/messages/'));
	expect(other?.status()).toBe(404);
	await expect(tyler.getByText(words)).toHaveCount(0);

	// Holly is not Maya's worker: she is refused, and the attempt is written down.
	const holly = await as('holly.brennan');
	const refused = await holly.goto(statementUrl);
	expect(refused?.status()).toBe(403);
	await expect(holly.getByText('You can only see young people you work with.')).toBeVisible();
	await expect(holly.getByText(words)).toHaveCount(0);
	const print = await holly.goto(`${statementUrl}/print`);
	expect(print?.status()).toBe(403);
	const post = await holly.request.post(`${statementUrl}?/reply`, {
		form: { body: 'not mine to answer', clientKey: 'hollykey1234' },
		headers: { origin: ORIGIN }
	});
	expect(post.status()).toBe(403);
	const admin = await as('admin');
	await admin.goto('/admin/audit?person=holly&action=young_person.refused');
	const row = admin.getByRole('row').filter({ hasText: 'Maya' }).first();
	await expect(row).toContainText('Holly Brennan');
	await expect(row).toContainText('young_person.refused');
});

test('an unsafe answer in a statement raises an alert too', async ({ as }) => {
	const elif = await as('elif');
	await elif.goto('/me/say/home');
	await pick(elif, 'How do you feel?', 'Awful');
	await pick(elif, 'Pick anything that fits where you live', "I don't feel safe");
	await elif.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(elif.getByRole('heading', { level: 1 })).toHaveText("We've told your worker");
	const marcus = await as('marcus.reid');
	await expect(
		marcus.getByTestId('inbox-alerts').getByRole('link', { name: 'Elif feels unsafe' })
	).toBeVisible();
	await marcus.getByTestId('inbox-alerts').getByRole('link', { name: 'Elif feels unsafe' }).click();
	await expect(marcus.getByText('They picked an answer that says they feel unsafe.')).toBeVisible();
	await marcus.getByRole('link', { name: 'Read what they sent' }).click();
	await expect(marcus.getByText("I don't feel safe")).toBeVisible();
});

// Shannon's password is changed by account.e2e.ts, so these tests use other young people.
test('a statement written with the network off is kept and delivered when it comes back', async ({
	as
}) => {
	const dan = await as('dan');
	await dan.goto('/me/say/good_news');
	await untilControlled(dan);
	await dan.context().setOffline(true);
	await pick(dan, 'How do you feel?', 'Great');
	const words = 'I passed my driving theory test today!';
	await dan.getByLabel(/What happened/).fill(words);
	await dan.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(dan.getByText(/You're offline. We kept what you wrote/)).toBeVisible();

	// While offline it has not reached anyone.
	const marcus = await as('marcus.reid');
	await expect(marcus.getByText('Something good happened from Dan')).toHaveCount(0);

	await dan.context().setOffline(false);
	await expect(async () => {
		await marcus.reload();
		await expect(marcus.getByText('Something good happened from Dan')).toBeVisible({
			timeout: 1000
		});
	}).toPass({ timeout: 15_000 });
	await dan.goto('/me/messages');
	await expect(dan.getByRole('link', { name: /Something good happened/ })).toBeVisible();
	await expect(dan.getByTestId('outbox')).toHaveCount(0);
	await marcus.getByText('Something good happened from Dan').click();
	await expect(marcus.getByText(words)).toBeVisible();
});

test('a draft survives closing the page, and a refused form keeps every word', async ({ as }) => {
	const reece = await as('reece');
	await reece.goto('/me/say/plans');
	await pick(reece, 'How do you feel?', 'Okay');
	await pick(reece, 'Which plans?', 'Study');
	await reece.getByLabel(/Tell your PA more/).fill('Thinking about a masters course.');
	await reece.goto('/me');
	await reece.goto('/me/say/plans');
	await expect(reece.getByLabel(/Tell your PA more/)).toHaveValue(
		'Thinking about a masters course.'
	);
	await expect(
		reece.getByRole('group', { name: 'Which plans?' }).getByLabel('Study')
	).toBeChecked();
	// Kept sealed on the phone (phones are shared), never as typed.
	const kept = await draftsOnPhone(reece);
	expect(kept).toHaveLength(1);
	expect(kept[0]).not.toContain('masters');
	expect(await reece.evaluate(() => JSON.stringify(localStorage))).not.toContain('masters');

	// Too long: the message is beside the field and nothing is lost.
	const long = 'a'.repeat(5001);
	await reece.getByLabel(/Tell your PA more/).fill(long);
	await reece.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(
		reece.getByText('This is too long. Please keep it under 5,000 letters.')
	).toBeVisible();
	await expect(reece.getByLabel(/Tell your PA more/)).toHaveValue(long);
	await expect(
		reece.getByRole('group', { name: 'How do you feel?' }).getByLabel('Okay')
	).toBeChecked();
	await expect(reece.getByLabel(/Tell your PA more/)).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(reece);

	// Sent: the draft kept on this phone goes with it.
	await reece.getByLabel(/Tell your PA more/).fill('A masters in social work, maybe.');
	await reece.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(reece).toHaveURL(/\/me\/messages\/[a-z0-9]+\?sent/);
	await expect.poll(() => draftsOnPhone(reece)).toEqual([]);
	await reece.goto('/me/say/plans');
	await expect(reece.getByLabel(/Tell your PA more/)).toHaveValue('');

	// Nothing picked at all.
	await reece.goto('/me/say/worry');
	await reece.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(reece.getByText('Pick a face that shows how you feel.')).toBeVisible();
	await expect(reece.getByText('Pick at least one.')).toBeVisible();
});

test('bad input through the offline endpoint: clear answers, nothing duplicated', async ({
	as
}) => {
	const chloe = await as('chloe');
	await chloe.goto('/me/say/feeling');
	const owner = readDemoDatabase<{ id: string }>("select id from users where username = 'chloe'")[0]
		.id;
	expect(owner).not.toBe('');
	const recipientId = await chloe
		.getByRole('group', { name: 'Who should get this?' })
		.locator('input:checked')
		.getAttribute('value');
	const send = (data: object, headers: Record<string, string> = { origin: ORIGIN }) =>
		chloe.request.post('/api/voice', { data, headers });
	const body = {
		kind: 'statement',
		owner,
		template: 'feeling',
		clientKey: 'replayed-form-0001',
		recipientId,
		answers: { mood: 'okay', feelings: ['tired'] }
	};
	const first = await send(body);
	expect(first.status()).toBe(201);
	const again = await send(body);
	expect((await again.json()).id).toBe((await first.json()).id);
	const stored = readDemoDatabase<{ n: number }>(
		"select count(*) as n from statements where client_key = 'replayed-form-0001'"
	);
	expect(stored[0].n).toBe(1);

	expect(
		(await send({ ...body, clientKey: 'bad-recipient-01', recipientId: 'nobody' })).status()
	).toBe(400);
	expect((await send({ ...body, clientKey: 'bad-template-001', template: 'diary' })).status()).toBe(
		404
	);
	expect((await send({ ...body, clientKey: 'empty-answers-01', answers: {} })).status()).toBe(400);
	expect(
		(await send({ ...body, clientKey: 'not-mine-0000001', owner: 'someoneelse' })).status()
	).toBe(409);
	expect((await send(body, { origin: 'https://evil.example' })).status()).toBe(403);
	expect((await chloe.goto('/me/say/diary'))?.status()).toBe(404);
});

test('without JavaScript a child can still send a statement and say they feel unsafe', async ({
	as
}) => {
	const tyler = await as('tyler', { javaScriptEnabled: false });
	await tyler.goto('/me/say/good_news');
	await tyler
		.getByRole('group', { name: 'How do you feel?' })
		.locator('label', { hasText: 'Good' })
		.click();
	await tyler.getByLabel(/What happened/).fill('I got into the school play.');
	await tyler.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(tyler.getByText('Sent! Your worker will see it soon.')).toBeVisible();
	await expect(tyler.getByText('I got into the school play.')).toBeVisible();
	await tyler.goto('/me/pledge');
	await tyler.getByRole('button', { name: 'I feel unsafe' }).click();
	await expect(tyler.getByRole('heading', { level: 1 })).toHaveText("We've told your worker");
});

test('the Board sees counts of what young people said, with small numbers hidden', async ({
	as
}) => {
	const page = await as('cllr.pemberton');
	await expect(page.getByRole('heading', { name: 'What young people told us' })).toBeVisible();
	const byType = page.getByRole('table', { name: 'By type of message' });
	await expect(byType.getByRole('row', { name: /My plans/ })).toContainText('fewer than 6');
	await expect(page.getByText('Reece')).toHaveCount(0);
	await expect(page.getByText('student loan')).toHaveCount(0);
	await expectAccessible(page);
	await expectFitsWidth(page);
});

test('"I feel unsafe" with no signal shows who to call at once and is sent when the signal returns', async ({
	as
}) => {
	const reece = await as('reece');
	await untilControlled(reece);
	await reece.context().setOffline(true);
	await reece.getByRole('button', { name: 'I feel unsafe' }).click();
	const panel = reece.getByRole('alert').filter({ hasText: "We'll tell your worker" });
	await expect(panel).toBeVisible();
	await expect(panel.getByRole('link', { name: 'Emergency: 999' })).toBeVisible();
	await expect(panel.getByRole('link', { name: /out-of-hours team/ })).toBeVisible();
	await expectAccessible(reece);

	const marcus = await as('marcus.reid');
	await expect(marcus.getByRole('link', { name: 'Reece feels unsafe' })).toHaveCount(0);
	await reece.context().setOffline(false);
	await expect(async () => {
		await marcus.reload();
		await expect(marcus.getByRole('link', { name: 'Reece feels unsafe' })).toBeVisible({
			timeout: 1000
		});
	}).toPass({ timeout: 15_000 });
});
