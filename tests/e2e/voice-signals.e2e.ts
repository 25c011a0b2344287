import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFitsWidth, test, type SignedIn } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/**
 * Issue 18, items 3, 4, 15 and 16: every signal raises what it should at once, young people are
 * told the truth about who reads their words, and "Pass it on" keeps the record true. These
 * raise alerts and move statements that other tests would trip over: a Hearth of their own.
 */
const hearth = new OwnHearth(port(55), 'voice-signals');

test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.beforeAll(async () => {
	await hearth.start();
});
test.afterAll(() => hearth.stop());

// Nobody here signs out or quick-exits: each person signs in once and carries on.
const on = (as: SignedIn) => hearth.on(as, { reuse: true });

const phone = { viewport: { width: 320, height: 640 } };

/** The open safety alerts a member of staff sees at the top of their inbox, for this child. */
async function alertsFor(worker: Page, name: string) {
	await worker.goto('/work');
	return worker.getByTestId('inbox-alerts').getByRole('link', { name: `${name} feels unsafe` });
}

async function pick(page: Page, question: string, choice: string) {
	await page.getByRole('group', { name: question }).locator('label', { hasText: choice }).click();
}

test('a child on a phone taps Scared and the worker has the alert before the next tap', async ({
	as
}) => {
	const leo = await on(as)('leo', phone);
	const sam = await on(as)('sam.okafor');
	await expect(await alertsFor(sam, 'Leo')).toHaveCount(0);

	await expectFitsWidth(leo);
	await leo.getByRole('button', { name: 'Scared', exact: true }).click();
	// He has tapped nothing else: the alert is already with his social worker.
	await expect(leo.getByRole('heading', { name: 'What would help?' })).toBeVisible();
	await expect(leo.getByRole('status')).toContainText('have been told that you feel unsafe');
	await expectAccessible(leo);
	await expectFitsWidth(leo);
	await expect(await alertsFor(sam, 'Leo')).toHaveCount(1);
	await (await alertsFor(sam, 'Leo')).click();
	await expect(sam.getByText('They tapped “Scared” in picture mode.')).toBeVisible();

	// The rest of the picture flow is as it was, and sending joins the same alert.
	await leo.getByRole('link', { name: 'Someone to talk to' }).click();
	await leo.getByRole('button', { name: /Send/ }).click();
	await expect(leo.getByRole('heading', { level: 1 })).toHaveText("We've told your worker");
	await expect(await alertsFor(sam, 'Leo')).toHaveCount(1);
});

test('with no JavaScript, Scared still raises the alert at the tap, and only once', async ({
	as
}) => {
	const maya = await on(as)('maya', { ...phone, javaScriptEnabled: false });
	const sam = await on(as)('sam.okafor', { javaScriptEnabled: false });
	await expect(await alertsFor(sam, 'Maya')).toHaveCount(0);

	await maya.goto('/me/express');
	await maya.getByRole('button', { name: 'Scared', exact: true }).click();
	await expect(maya.getByRole('heading', { name: 'What would help?' })).toBeVisible();
	await expect(await alertsFor(sam, 'Maya')).toHaveCount(1);

	// Back, and Scared again (a fresh page, a fresh key): still the one alert.
	await maya.goBack();
	await maya.getByRole('button', { name: 'Scared', exact: true }).click();
	// "Go back" within picture mode, and Scared again.
	await maya.getByRole('link', { name: 'Go back' }).click();
	await maya.getByRole('button', { name: 'Scared', exact: true }).click();
	await maya.getByRole('link', { name: 'Someone to talk to' }).click();
	await maya.getByRole('button', { name: /Send/ }).click();
	await expect(maya.getByRole('heading', { level: 1 })).toHaveText("We've told your worker");
	await expect(await alertsFor(sam, 'Maya')).toHaveCount(1);
});

test('"I\'m unhappy where I live" reaches the worker marked, says nothing of unsafe, raises no alert', async ({
	as
}) => {
	const tyler = await on(as)('tyler', phone);
	await tyler.goto('/me/say/home');
	await pick(tyler, 'How do you feel?', 'Sad');
	await pick(tyler, 'Pick anything that fits where you live', "I'm unhappy where I live");
	await tyler.getByRole('button', { name: 'Send', exact: true }).click();
	const status = tyler.getByRole('status');
	await expect(status).toContainText("You said “I'm unhappy where I live”");
	await expect(status).toContainText('Sam Okafor knows now');
	await expect(tyler.locator('main')).not.toContainText(/unsafe/i);
	await expect(tyler.getByRole('heading', { level: 1 })).not.toHaveText("We've told your worker");
	await expectAccessible(tyler);
	await expectFitsWidth(tyler);
	const id = new URL(tyler.url()).pathname.split('/').pop()!;

	const sam = await on(as)('sam.okafor');
	await expect(await alertsFor(sam, 'Tyler')).toHaveCount(0);
	await sam.goto('/notices');
	await expect(
		sam.getByText('A young person has said they are unhappy where they live.').first()
	).toBeVisible();
	await sam.goto(`/work/statements/${id}`);
	await expect(
		sam.getByText(
			"They said “I'm unhappy where I live”. This is not a safety alert, but they need you to get in touch soon."
		)
	).toBeVisible();
	await expect(sam.getByText('This raised a safety alert.')).toHaveCount(0);
});

test('the form, the home page and the privacy page say who can read, as Hearth does', async ({
	as
}) => {
	const amira = await on(as)('amira', phone);
	for (const path of ['/me', '/me/say', '/me/say/feeling', '/privacy']) {
		await amira.goto(path);
		const who = amira.locator('div', {
			has: amira.getByRole('heading', { name: 'Who can read what you send' })
		});
		await expect(who.last()).toContainText('your social worker');
		await expect(who.last()).toContainText('your IRO');
		await expect(who.last()).toContainText("the council's managers");
		await expect(amira.locator('main')).not.toContainText('goes only to the people you choose');
		await expect(amira.locator('main')).not.toContainText('Only you and your workers');
		await expectAccessible(amira);
		await expectFitsWidth(amira);
	}
	// What it says is what happens: a manager who is not linked to her can read her words.
	await amira.goto('/me/say/good_news');
	await pick(amira, 'How do you feel?', 'Great');
	await amira.getByRole('textbox').first().fill('I got into the football team.');
	await amira.getByRole('button', { name: 'Send', exact: true }).click();
	const id = new URL(amira.url()).pathname.split('/').pop()!;
	const nadia = await on(as)('nadia.hussain');
	await nadia.goto(`/work/statements/${id}`);
	await expect(nadia.getByText('I got into the football team.')).toBeVisible();
});

test('a worker passes a statement on with a note; the record, the child and replies follow', async ({
	as
}) => {
	const tyler = await on(as)('tyler');
	await tyler.goto('/me/say/feeling');
	await pick(tyler, 'How do you feel?', 'Okay');
	await tyler.getByRole('textbox').first().fill('Can we talk about my school trip?');
	await tyler.getByRole('button', { name: 'Send', exact: true }).click();
	const id = new URL(tyler.url()).pathname.split('/').pop()!;

	const sam = await on(as)('sam.okafor', { javaScriptEnabled: false });
	await sam.goto(`/work/statements/${id}`);
	const passOn = sam.getByRole('region', { name: 'Pass to a colleague' });
	// Refused: no note. The message is by the field and the choice is kept.
	await passOn
		.getByLabel('Colleague')
		.selectOption({ label: 'Janet Ward (Independent reviewing officer (IRO))' });
	await passOn.getByRole('button', { name: 'Pass it on' }).click();
	const note = sam.getByRole('textbox', { name: 'Hand-over note' });
	await expect(note).toHaveAccessibleDescription(/Write a hand-over note/);
	await expect(passOn.getByLabel('Colleague').locator('option:checked')).toHaveText(/Janet Ward/);

	// With a note: passed on, and the same form sent again passes nothing twice.
	const form = sam.locator('form[action="?/reassign"]');
	await note.fill('School trip is for the IRO review next week.');
	const fields = Object.fromEntries(
		await form
			.locator('input[type=hidden], select, textarea')
			.evaluateAll((elements) =>
				elements.map((e) => [
					(e as HTMLInputElement).name,
					(e as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value
				])
			)
	);
	await sam.getByRole('button', { name: 'Pass it on' }).click();
	await expect(sam.getByRole('status')).toContainText('Passed on.');
	const again = await sam.request.post(`/work/statements/${id}?/reassign`, {
		form: fields,
		headers: { origin: hearth.origin }
	});
	expect(again.status()).toBe(200);
	await sam.goto(`/work/statements/${id}`);
	const handovers = sam.getByRole('region', { name: 'Passed on' });
	await expect(handovers.getByRole('listitem')).toHaveCount(1);
	await expect(handovers).toContainText('Sam Okafor passed it from Sam Okafor to Janet Ward');
	await expect(handovers).toContainText('Why: School trip is for the IRO review next week.');
	// The first worker, still linked, can still read it.
	await expect(sam.getByText('Can we talk about my school trip?')).toBeVisible();

	// The new worker sees it, who sent it to whom, and the hand-over.
	const janet = await on(as)('janet.ward');
	await janet.goto(`/work/statements/${id}`);
	await expect(janet.getByText(/^Sent to Sam Okafor on/)).toBeVisible();
	await expect(janet.getByRole('region', { name: 'Passed on' })).toContainText(
		'Janet Ward has it now'
	);
	await expectAccessible(janet);
	const newMessages = janet.getByText('You have a new message in Hearth.');
	await janet.goto('/notices');
	const before = await newMessages.count();
	expect(before).toBeGreaterThan(0);

	// The young person sees who has it now, and their reply goes to that worker.
	await tyler.goto(`/me/messages/${id}`);
	await expect(tyler.getByText('Sam Okafor passed it to Janet Ward')).toBeVisible();
	await expect(
		tyler.getByText('Janet Ward has it now. Your replies go to Janet Ward.')
	).toBeVisible();
	await expect(tyler.locator('main')).not.toContainText('IRO review next week');
	await expectAccessible(tyler);
	await tyler.getByLabel('Write back').fill('Thank you Janet');
	await tyler.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(tyler.getByText('Thank you Janet')).toBeVisible();
	// Janet, who has it now, is told of the reply.
	await janet.goto('/notices');
	await expect(newMessages).toHaveCount(before + 1);
	await janet.goto(`/work/statements/${id}`);
	await expect(janet.getByText('Thank you Janet')).toBeVisible();

	// Refused: a worker not linked to Tyler cannot read it.
	const holly = await on(as)('holly.brennan');
	const refused = await holly.goto(`/work/statements/${id}`);
	expect(refused?.status()).toBe(403);
	await expect(holly.getByText('Can we talk about my school trip?')).toHaveCount(0);
});
