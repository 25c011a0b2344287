import type { Page } from '@playwright/test';
import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	expectFitsWidth,
	signIn,
	test,
	type SignedIn
} from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/**
 * Issue 10: Hearth for every young person. Picture mode for the youngest, a worker "with me",
 * read aloud, reading support, and Welsh and Arabic. These tests change languages and settings
 * that other tests would trip over, so they have a Hearth of their own (port(6)).
 */
const hearth = new OwnHearth(port(6), 'everyone');

test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.beforeAll(async () => {
	await hearth.start();
});
test.afterAll(() => hearth.stop());

// Each person signs in once; nobody signs out or quick-exits, and Leo's "with me" (which belongs
// to his session) is ended in the test that starts it.
const on = (as: SignedIn) => hearth.on(as, { reuse: true });

/** The id of the statement a picture-mode "Sent!" page is about. */
const sentId = (page: Page) => new URL(page.url()).searchParams.get('sent')!;

test('a six-year-old opens Hearth in picture mode and sends a feeling in three taps', async ({
	as
}) => {
	const leo = await on(as)('leo');
	await expect(leo).toHaveURL(/\/me$/);
	await expect(leo.getByRole('heading', { name: 'How do you feel?' })).toBeVisible();
	await expectAccessible(leo);
	await expectFitsWidth(leo);

	// One: how he feels.
	await leo.getByRole('link', { name: 'Happy', exact: true }).click();
	await expect(leo.getByRole('heading', { name: 'What would help?' })).toBeVisible();
	await expect(leo.getByText('You feel: Happy')).toBeVisible();
	await expectAccessible(leo);
	await expectFitsWidth(leo);
	// Two: what would help.
	await leo.getByRole('link', { name: 'A hug' }).click();
	await expect(leo.getByRole('heading', { name: 'Ready to send?' })).toBeVisible();
	// His social worker is already chosen: nothing to type, nothing more to pick.
	await expect(leo.getByRole('radio', { name: /Sam Okafor/ })).toBeChecked();
	await expectAccessible(leo);
	await expectFitsWidth(leo);
	// Three: send.
	await leo.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(leo.getByRole('heading', { name: 'Sent! Sam Okafor will see it.' })).toBeVisible();
	await expectAccessible(leo);
	const id = sentId(leo);

	const sam = await on(as)('sam.okafor');
	await sam.goto(`/work/statements/${id}`);
	await expect(sam.getByRole('heading', { level: 1 })).toContainText('Said with pictures');
	const made = sam.getByRole('list', { name: 'How this was made' });
	await expect(made).toContainText('Said with pictures');
	await expect(made).not.toContainText('Made together');
	const answers = sam.getByRole('region', { name: 'Their answers' });
	await expect(answers).toContainText('Happy');
	await expect(answers).toContainText('A hug');
	await expectAccessible(sam);

	// Picture mode goes off when a worker switches it off with him, and back on again.
	await sam.goto(
		`/work/young-people/${hearth.query<{ id: string }>("select id from users where username = 'leo'")[0].id}`
	);
	await expect(sam.getByText('Picture mode is on for them now.')).toBeVisible();
	await sam
		.getByRole('group', { name: /Picture mode/ })
		.getByText('Off', { exact: true })
		.click();
	await sam.getByRole('button', { name: 'Save picture mode' }).click();
	await expect(sam.getByText('Picture mode is off for them now.')).toBeVisible();
	await leo.goto('/me');
	await expect(leo.getByRole('heading', { name: 'Hi Leo' })).toBeVisible();
	await expect(leo.getByRole('link', { name: 'Happy', exact: true })).toHaveCount(0);
	await leo.goto('/me/settings');
	await expect(leo.getByText('Sam Okafor chose this with you.')).toBeVisible();
	await leo
		.getByRole('group', { name: /Picture mode/ })
		.getByText('On', { exact: true })
		.click();
	await leo.getByRole('button', { name: 'Save', exact: true }).click();
	await leo.goto('/me');
	await expect(leo.getByRole('link', { name: 'Happy', exact: true })).toBeVisible();
	const audit = hearth.query<{ n: number }>(
		"select count(*) as n from audit_log where action = 'express.changed'"
	);
	expect(audit[0].n).toBe(1);
});

test('a worker sitting with a child is recorded as making it with them; another worker cannot', async ({
	as
}) => {
	const leo = await on(as)('leo');
	await leo.getByRole('link', { name: 'My worker is with me' }).click();
	await expect(leo.getByRole('heading', { name: 'My worker is with me' })).toBeVisible();
	await expectAccessible(leo);

	// Holly works in Hearth but not with Leo: refused, and what was typed is kept.
	await leo.getByLabel("Worker's username").fill('holly.brennan');
	await leo.getByLabel("Worker's password").fill(DEMO_PASSWORD);
	await leo.getByRole('button', { name: 'Start doing this together' }).click();
	await expect(leo.getByText(/That worker is not one of your workers/).first()).toBeVisible();
	await expect(leo.getByLabel("Worker's username")).toHaveValue('holly.brennan');
	await expect(leo.getByLabel("Worker's password")).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(leo);
	// A wrong password is refused too.
	await leo.getByLabel("Worker's username").fill('sam.okafor');
	await leo.getByLabel("Worker's password").fill('not-the-password');
	await leo.getByRole('button', { name: 'Start doing this together' }).click();
	await expect(leo.getByText(/That username or password is not right/).first()).toBeVisible();

	await leo.getByLabel("Worker's password").fill(DEMO_PASSWORD);
	await leo.getByRole('button', { name: 'Start doing this together' }).click();
	await expect(leo).toHaveURL(/\/me$/);
	await expect(leo.getByText('You are doing this with Sam Okafor.')).toBeVisible();
	// Leo is still Leo: the page is his, with no worker's menu.
	await expect(leo.getByText('Signed in as Leo')).toBeVisible();
	await expect(leo.getByRole('link', { name: 'Inbox' })).toHaveCount(0);
	await expectAccessible(leo);

	await leo.getByRole('link', { name: 'Sad', exact: true }).click();
	await leo.getByRole('link', { name: 'Some quiet time' }).click();
	await leo.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(leo.getByRole('heading', { name: /^Sent!/ })).toBeVisible();
	const together = sentId(leo);

	// Sam has gone: what Leo sends next is his own.
	await leo.goto('/me/with-me');
	await leo.getByRole('button', { name: 'Sam Okafor has gone' }).click();
	await expect(leo.getByText('Okay. What you send now is just from you.')).toBeVisible();
	await leo.goto('/me');
	await expect(leo.getByText('You are doing this with Sam Okafor.')).toHaveCount(0);
	await leo.getByRole('link', { name: 'Calm', exact: true }).click();
	await leo.getByRole('link', { name: 'Play or have fun' }).click();
	await leo.getByRole('button', { name: 'Send', exact: true }).click();
	const alone = sentId(leo);

	const sam = await on(as)('sam.okafor');
	await sam.goto(`/work/statements/${together}`);
	await expect(sam.getByRole('list', { name: 'How this was made' })).toContainText(
		'Made together with Sam Okafor'
	);
	await sam.goto(`/work/statements/${alone}`);
	await expect(sam.getByRole('list', { name: 'How this was made' })).not.toContainText(
		'Made together'
	);
	await sam.goto('/work');
	await expect(sam.getByTestId('inbox-statements')).toContainText('made together');
	const rows = hearth.query<{ id: string; made_with: string | null }>(
		'select s.id, u.username as made_with from statements s left join users u on u.id = s.made_with_id where s.id in (?, ?)',
		together,
		alone
	);
	expect(Object.fromEntries(rows.map((row) => [row.id, row.made_with]))).toEqual({
		[together]: 'sam.okafor',
		[alone]: null
	});
	const actions = hearth
		.query<{ action: string }>(
			"select action from audit_log where action like 'with_me.%' order by id"
		)
		.map((row) => row.action);
	expect(actions).toEqual(['with_me.refused', 'with_me.started', 'with_me.ended']);
});

/** Stands in for the phone's voice: records what it is asked to say, and says it when told. */
function fakeVoice() {
	const log = {
		real: 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function',
		spoken: [] as { text: string; lang: string; rate: number }[],
		cancelled: 0,
		current: null as SpeechSynthesisUtterance | null,
		finish() {
			const utterance = log.current;
			log.current = null;
			utterance?.onend?.(new Event('end') as SpeechSynthesisEvent);
		}
	};
	Object.defineProperty(window, '__voice', { value: log });
	Object.defineProperty(window, 'speechSynthesis', {
		configurable: true,
		value: {
			speak(utterance: SpeechSynthesisUtterance) {
				log.spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
				log.current = utterance;
			},
			cancel() {
				log.cancelled++;
				const utterance = log.current;
				log.current = null;
				utterance?.onerror?.({ error: 'interrupted' } as SpeechSynthesisErrorEvent);
			},
			getVoices: () => [],
			pause() {},
			resume() {}
		}
	});
}

interface Voice {
	real: boolean;
	spoken: { text: string; lang: string; rate: number }[];
	cancelled: number;
	finish(): void;
}
const voice = (page: Page) =>
	page.evaluate(() => {
		const log = (window as unknown as { __voice: Voice }).__voice;
		return { real: log.real, spoken: log.spoken, cancelled: log.cancelled };
	});
const highlighted = (page: Page) =>
	page.evaluate(() => {
		const highlight = CSS.highlights.get('hearth-reading');
		const range = highlight ? ([...highlight][0] as Range | undefined) : undefined;
		return range ? range.toString().replace(/\s+/g, ' ').trim() : null;
	});

test('read aloud reads the page sentence by sentence, highlighted, at the chosen speed, and stops', async ({
	as
}) => {
	const maya = await on(as)('maya');
	await maya.addInitScript(fakeVoice);
	await maya.goto('/me/messages');
	const read = maya.getByRole('button', { name: 'Read aloud' });
	await expect(read).toBeVisible();
	await expect(read).toHaveAttribute('aria-pressed', 'false');
	await expectAccessible(maya);

	await read.click();
	const stop = maya.getByRole('button', { name: 'Stop reading' });
	await expect(stop).toHaveAttribute('aria-pressed', 'true');
	let heard = await voice(maya);
	expect(heard.real, 'this browser has the Web Speech API').toBe(true);
	expect(heard.spoken).toHaveLength(1);
	expect(heard.spoken[0]).toMatchObject({ lang: 'en', rate: 1 });
	// The sentence being read is the one highlighted.
	expect(await highlighted(maya)).toBe(heard.spoken[0].text);

	await maya.evaluate(() => (window as unknown as { __voice: Voice }).__voice.finish());
	heard = await voice(maya);
	expect(heard.spoken).toHaveLength(2);
	expect(await highlighted(maya)).toBe(heard.spoken[1].text);
	// The main part only: "I feel unsafe" is above the menu, a control rather than words to read.
	expect(heard.spoken.map((s) => s.text)).toEqual([
		'My messages',
		'Everything you sent, and what your workers said back.'
	]);

	// Faster from the next sentence, and remembered for next time.
	await maya.getByLabel('Speed').selectOption('150');
	await maya.evaluate(() => (window as unknown as { __voice: Voice }).__voice.finish());
	heard = await voice(maya);
	expect(heard.spoken[2]).toEqual({ text: 'Say how things are', lang: 'en', rate: 1.5 });

	await stop.click();
	await expect(read).toHaveAttribute('aria-pressed', 'false');
	heard = await voice(maya);
	expect(heard.cancelled).toBeGreaterThan(0);
	expect(await highlighted(maya)).toBeNull();
	const said = heard.spoken.length;
	await maya.waitForTimeout(200);
	expect((await voice(maya)).spoken).toHaveLength(said);

	await expect
		.poll(
			() =>
				hearth.query<{ rate: number }>(
					"select speech_rate as rate from user_preferences p join users u on u.id = p.user_id where u.username = 'maya'"
				)[0]?.rate
		)
		.toBe(150);
	await maya.goto('/me/settings');
	await expect(maya.getByRole('radio', { name: 'Very fast' })).toBeChecked();
	await expect(maya.getByLabel('Speed')).toHaveValue('150');
});

test('reading support: bigger words, easier letters and high contrast, remembered on any phone, with no script', async ({
	as
}) => {
	// With no script at all (axe needs one, so it runs on the second phone below).
	const dan = await on(as)('dan', { javaScriptEnabled: false });
	await dan.getByRole('link', { name: 'Reading and language' }).click();
	await expect(dan.getByRole('heading', { name: 'Reading and language' })).toBeVisible();
	await dan.getByRole('group', { name: 'Size of words' }).getByText('Very big').click();
	await dan
		.getByRole('group', { name: 'Letters and spacing' })
		.getByText(/Easier to read/)
		.click();
	await dan
		.getByRole('group', { name: 'Colours' })
		.getByText(/Black and white/)
		.click();
	await dan.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(
		dan.getByText('Saved. Hearth will look like this for you from now on.')
	).toBeVisible();

	const look = (page: Page) =>
		page.evaluate(() => ({
			size: getComputedStyle(document.documentElement).fontSize,
			font: getComputedStyle(document.querySelector('main')!).fontFamily,
			ink: getComputedStyle(document.querySelector('main')!).color,
			lineHeight:
				parseFloat(getComputedStyle(document.querySelector('main p')!).lineHeight) /
				parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize)
		}));
	const expected = { size: '22px', ink: 'rgb(0, 0, 0)' };
	expect(await look(dan)).toMatchObject(expected);
	expect((await look(dan)).font).toMatch(/^Verdana/);
	expect((await look(dan)).lineHeight).toBeGreaterThanOrEqual(1.7);

	// Another phone: the same choices, because they belong to Dan, not to the phone.
	const again = await on(as)('dan', { reuse: false });
	expect(await look(again)).toMatchObject(expected);
	for (const path of ['/me/settings', '/me/offer', '/me/say/feeling', '/pledge']) {
		await again.goto(path);
		await expectAccessible(again);
		await expectFitsWidth(again);
		await again.setViewportSize({ width: 1280, height: 720 });
	}
	// And someone else on the same Hearth sees it as usual.
	const elif = await on(as)('elif');
	expect(await look(elif)).toMatchObject({ size: '16px' });
});

test('switching language keeps the person on the same page, and Hearth remembers it for them', async ({
	as,
	browser
}) => {
	const amira = await on(as)('amira');
	await amira.goto('/me/pledge');
	await amira.getByRole('button', { name: 'Cymraeg' }).click();
	await expect(amira).toHaveURL(/\/me\/pledge$/);
	await expect(amira.locator('html')).toHaveAttribute('lang', 'cy');
	await expect(amira.getByRole('heading', { level: 1 })).toHaveText('Ein haddewidion i fi');
	// A promise the council has translated, and one it has not (marked, and in English).
	await expect(amira.getByText('Gwrando arnat ti')).toBeVisible();
	const english = amira.locator('[lang="en"]', { hasText: 'Where you live' });
	await expect(english).toContainText('(yn Saesneg am nawr)');
	await expectAccessible(amira);

	// A new phone, signed out: English, until Amira signs in.
	const context = await browser.newContext({ baseURL: hearth.origin });
	const phone = await context.newPage();
	await signIn(phone, 'amira');
	await expect(phone.locator('html')).toHaveAttribute('lang', 'cy');
	await expect(phone.getByRole('heading', { name: 'Helo Amira' })).toBeVisible();
	await context.close();

	// Into Arabic from a form page, with nothing lost on the way; then back to English.
	await amira.goto('/me/say/feeling');
	await amira.getByRole('button', { name: 'العربية' }).click();
	await expect(amira).toHaveURL(/\/me\/say\/feeling$/);
	await expect(amira.locator('html')).toHaveAttribute('dir', 'rtl');
	await amira.getByRole('button', { name: 'English' }).click();
	await expect(amira).toHaveURL(/\/me\/say\/feeling$/);
	await expect(amira.locator('html')).toHaveAttribute('lang', 'en');
});

test('a statement written in another language reaches the worker with the language named', async ({
	as
}) => {
	const yusuf = await on(as)('yusuf');
	await expect(yusuf.locator('html')).toHaveAttribute('dir', 'rtl');
	await yusuf.goto('/me/say/worry');
	await yusuf.getByRole('group', { name: 'كيف تشعر؟' }).getByText('حزين').click();
	await yusuf.getByRole('group', { name: 'عن ماذا هذا القلق؟' }).getByText('المدرسة').click();
	await yusuf.getByLabel(/أخبرنا أكثر/).fill('لا أفهم الدروس لأن لغتي الإنجليزية ما زالت ضعيفة.');
	await expect(yusuf.getByLabel('بأي لغة تكتب؟')).toHaveValue('ar');
	await expectAccessible(yusuf);
	await yusuf.getByRole('button', { name: 'أرسل', exact: true }).click();
	await expect(yusuf).toHaveURL(/\/me\/messages\/\w+\?sent/);
	const id = new URL(yusuf.url()).pathname.split('/').pop()!;

	const holly = await on(as)('holly.brennan');
	await holly.goto('/work');
	await expect(
		holly.getByTestId('inbox-statements').locator('li', { hasText: 'Yusuf' })
	).toContainText('Written in Arabic');
	await holly.goto(`/work/statements/${id}`);
	await expect(holly.locator('html')).toHaveAttribute('lang', 'en');
	await expect(holly.getByRole('list', { name: 'How this was made' })).toContainText(
		'Written in Arabic'
	);
	await expect(holly.getByText('لا أفهم الدروس')).toBeVisible();
});

/** Every page a young person uses, as they would reach it. */
async function youngPersonPages(page: Page) {
	const pages = [
		'/me',
		'/me/say',
		'/me/say/feeling',
		'/me/messages',
		'/me/offer',
		'/me/offer/setting-up-home',
		'/me/pledge',
		'/me/reviews',
		'/me/forum',
		'/me/my-data',
		'/me/settings',
		'/me/with-me',
		'/me/express',
		'/me/express?feeling=worried',
		'/me/express?feeling=worried&want=talk',
		'/notices',
		'/account/password',
		'/account/notifications',
		'/pledge',
		'/offer',
		'/offer/setting-up-home',
		'/help',
		'/privacy',
		'/you-said-we-did',
		'/language',
		'/kept/unsafe',
		'/kept/statement',
		'/kept/signout-waiting'
	];
	// A message of theirs and a review of theirs, by the links on their own pages.
	for (const [list, link] of [
		['/me/messages', 'a[href^="/me/messages/"]'],
		['/me/reviews', 'a[href^="/me/reviews/"]']
	]) {
		await page.goto(list);
		const href = await page.locator(link).first().getAttribute('href');
		expect(href, `a link on ${list}`).toBeTruthy();
		pages.push(href!);
	}
	return pages;
}

test('every young person’s page is right in English, Welsh and Arabic: its language, its direction, 320 px and axe', async ({
	as
}) => {
	// About 90 pages, each read by axe twice over: room for a busy machine.
	test.setTimeout(600_000);
	const tyler = await on(as)('tyler');
	// The safety pages too: Tyler raises an alert on this test's own Hearth.
	await tyler.getByTestId('unsafe-button').click();
	await expect(tyler).toHaveURL(/\/me\/unsafe\/\w+/);
	const pages = [new URL(tyler.url()).pathname, ...(await youngPersonPages(tyler))];
	const elif = await on(as)('elif');
	const leaverPages = ['/me/say/plans', '/me/offer', '/me'];

	for (const [code, dir, home] of [
		['en', 'ltr', 'English'],
		['cy', 'ltr', 'Cymraeg'],
		['ar', 'rtl', 'العربية']
	] as const) {
		for (const person of [tyler, elif]) {
			await person.goto('/language');
			await person.getByRole('button', { name: home }).first().click();
		}
		for (const [person, list] of [
			[tyler, pages],
			[elif, leaverPages]
		] as const) {
			for (const path of list) {
				await person.setViewportSize({ width: 1280, height: 720 });
				if (path.startsWith('/kept/')) {
					// The service worker's copy for offline use, fetched again in the new language.
					await expect
						.poll(async () => {
							await person.goto(path);
							return person.locator('html').getAttribute('lang');
						})
						.toBe(code);
				}
				const response = await person.goto(path);
				expect(response?.status(), `${path} in ${code}`).toBeLessThan(400);
				await expect(person.locator('html'), `${path} in ${code}`).toHaveAttribute('lang', code);
				await expect(person.locator('html'), `${path} in ${code}`).toHaveAttribute('dir', dir);
				await expectAccessible(person);
				await expectFitsWidth(person);
			}
		}
	}
});

test('a council turns a language on only once a fluent speaker has checked its safety words', async ({
	as
}) => {
	const admin = await on(as)('admin');
	await admin.goto('/admin/languages');
	const welsh = admin.locator('section', { has: admin.getByRole('heading', { name: /Welsh/ }) });
	await expect(welsh).toContainText('Safety words checked by');
	await welsh.getByRole('button', { name: 'Turn off' }).click();
	await expect(welsh).toContainText('Off. Young people cannot choose it yet.');

	const reece = await on(as)('reece');
	await reece.goto('/language');
	const choices = reece.getByRole('main');
	await expect(choices.getByRole('button', { name: 'Cymraeg' })).toHaveCount(0);
	await expect(choices.getByRole('button', { name: 'العربية' })).toHaveCount(1);

	// The safety words are there to check, side by side with the English (open while it is off).
	await expect(
		welsh.getByRole('cell', { name: 'Dw i ddim yn teimlo’n ddiogel' }).first()
	).toBeVisible();
	await expectAccessible(admin);
	await welsh.getByLabel('Who checked the safety words').fill('  ');
	await welsh.getByRole('button', { name: 'Turn on Welsh' }).click();
	await expect(
		welsh.getByText('Write the name of the person who checked the safety words.')
	).toBeVisible();
	await expect(welsh.getByText('Write the date they checked them, like 2026-11-30.')).toBeVisible();
	await expect(
		welsh.getByText('Tick the box to say a fluent speaker has checked the safety words.')
	).toBeVisible();
	await expectAccessible(admin);
	await welsh
		.getByLabel('Who checked the safety words')
		.fill('Carys Hughes, Welsh language officer');
	await welsh.getByLabel('When they checked them').fill('2026-11-20');
	await welsh.getByLabel(/A fluent speaker has checked/).check();
	await welsh.getByRole('button', { name: 'Turn on Welsh' }).click();
	await expect(welsh).toContainText(
		'On. Safety words checked by Carys Hughes, Welsh language officer'
	);
	await reece.goto('/language');
	await expect(choices.getByRole('button', { name: 'Cymraeg' })).toHaveCount(1);
	const audit = hearth.query<{ detail: string }>(
		"select detail from audit_log where action = 'language.enabled' order by id desc limit 1"
	);
	expect(audit[0].detail).toContain('Carys Hughes');
});

test('officers translate the Offer item by item; what is not translated shows in English, marked', async ({
	as
}) => {
	const leah = await on(as)('leah.mensah');
	await leah.goto('/admin/content/translations?locale=ar');
	await expect(leah.getByRole('status')).toContainText('Arabic:');
	await expectAccessible(leah);
	await leah
		.locator('li', { hasText: 'Free leisure pass' })
		.getByRole('link', { name: /Translate/ })
		.click();
	await expect(leah.getByRole('heading', { name: 'Translate into Arabic' })).toBeVisible();
	await leah.getByLabel('Title').fill('بطاقة ترفيه مجانية');
	await leah
		.getByLabel('In short')
		.fill('دخول مجاني إلى المسابح والصالات الرياضية في Brightwater.');
	await leah.getByRole('button', { name: 'Save translation' }).click();
	await expect(
		leah.getByText('Saved. Young people reading in this language see it now.')
	).toBeVisible();
	await expectAccessible(leah);

	const yusuf = await on(as)('yusuf');
	await yusuf.goto('/offer/leisure-pass');
	await expect(yusuf.getByRole('heading', { level: 1 })).toHaveText('بطاقة ترفيه مجانية');
	// "How to get it" has no translation yet: the English shows, marked as English.
	const how = yusuf.locator('dd[lang="en"]', { hasText: 'Your PA orders the card' });
	await expect(how).toHaveAttribute('dir', 'ltr');
	await yusuf.goto('/offer');
	await expect(yusuf.locator('li[lang="en"]', { hasText: 'Your health history' })).toContainText(
		'(بالإنجليزية حاليًا)'
	);
	await expectAccessible(yusuf);
});
