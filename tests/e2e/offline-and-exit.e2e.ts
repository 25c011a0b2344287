import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test, untilControlled } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/*
 * Issue 18, items 6 and 7. Offline, "I feel unsafe" works from every page a young person can
 * open (the kept offline page carries it, the out-of-hours number and their menu); help and the
 * Local Offer can be read. Quick exit leaves nothing behind: Back finds a password, not a page,
 * and no draft; the young person's other devices stay signed in. A Hearth of its own: these tests
 * lock sessions and raise alerts.
 */
const hearth = new OwnHearth(port(60), 'offline-and-exit');
test.describe.configure({ mode: 'serial' });
test.beforeAll(() => hearth.start().then(() => undefined));
test.afterAll(() => hearth.stop());

const SMALL_PHONE = { width: 320, height: 568 };
const ar = JSON.parse(readFileSync('messages/ar.json', 'utf8')) as Record<string, string>;
const OUT_OF_HOURS = '01632 960 999';

async function phone(browser: Browser, javaScriptEnabled = true): Promise<BrowserContext> {
	const context = await browser.newContext({
		baseURL: hearth.origin,
		viewport: SMALL_PHONE,
		javaScriptEnabled
	});
	await context.route('https://www.bbc.co.uk/**', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' })
	);
	return context;
}

/** The pages this phone keeps for reading offline (their paths). */
const keptCopies = (page: Page) =>
	page.evaluate(async () => {
		const cache = await caches.open('hearth-public');
		return (await cache.keys()).map((request) => new URL(request.url).pathname);
	});

const alertsOf = (username: string) =>
	hearth.query<{ n: number }>(
		`select count(*) as n from safety_alerts a join users u on u.id = a.young_person_id
		 where u.username = ?`,
		username
	)[0].n;

/** The number reads left to right, in one piece, whatever the page's direction. */
async function expectNumberInOrder(page: Page) {
	const number = page.locator('bdi', { hasText: OUT_OF_HOURS }).first();
	await expect(number).toBeVisible();
	const order = await number.evaluate((element) => {
		const range = document.createRange();
		const text = element.firstChild!;
		const at = (i: number) => {
			range.setStart(text, i);
			range.setEnd(text, i + 1);
			return range.getBoundingClientRect();
		};
		const first = at(0);
		const last = at(text.textContent!.length - 1);
		return {
			dir: getComputedStyle(element).direction,
			ltr: first.left < last.left,
			oneLine: first.top === last.top
		};
	});
	expect(order).toEqual({ dir: 'ltr', ltr: true, oneLine: true });
}

/** What a young person's offline page must carry (in Arabic, for Yusuf). */
async function expectOfflineYoungPersonsPage(page: Page) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.offline_title);
	await expect(page).toHaveTitle(`${ar.offline_title} · Hearth`);
	await expect(page.getByRole('button', { name: ar.unsafe_button })).toBeVisible();
	await expectNumberInOrder(page);
	const menu = page.getByRole('navigation', { name: ar.nav_label });
	await expect(menu.getByRole('link', { name: ar.nav_messages })).toBeVisible();
	await expect(menu.getByRole('button', { name: ar.nav_sign_out })).toBeVisible();
	await expect(page.getByRole('link', { name: ar.nav_sign_in })).toHaveCount(0);
}

test('offline, "I feel unsafe" works from a page never opened, and help and the Offer can be read', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await phone(browser);
	const yusuf = await context.newPage();
	await signIn(yusuf, 'yusuf');
	await untilControlled(yusuf);
	// He reads help and one of his entitlements while he has a signal.
	await yusuf.goto('/help');
	const helpTitle = await yusuf.getByRole('heading', { level: 1 }).textContent();
	await yusuf.goto('/me/offer');
	const entitlement = yusuf.locator('a[href^="/me/offer/"]').first();
	const entitlementPath = (await entitlement.getAttribute('href'))!;
	await yusuf.goto(entitlementPath);
	const entitlementTitle = await yusuf.getByRole('heading', { level: 1 }).textContent();
	await expect
		.poll(() => keptCopies(yusuf))
		.toEqual(expect.arrayContaining(['/help', '/kept/offline', entitlementPath.slice(3)]));

	await context.setOffline(true);
	// A page he never opened.
	await yusuf.goto('/me/reviews');
	await expectOfflineYoungPersonsPage(yusuf);
	await expect(yusuf.locator('html')).toHaveAttribute('dir', 'rtl');
	await expectAccessible(yusuf);
	// Help and the entitlement he read, with the button too.
	await yusuf.goto('/help');
	await expect(yusuf.getByRole('heading', { level: 1 })).toHaveText(helpTitle!);
	await expect(yusuf.getByRole('button', { name: ar.unsafe_button })).toBeVisible();
	await yusuf.goto(entitlementPath);
	await expect(yusuf.getByRole('heading', { level: 1 })).toHaveText(entitlementTitle!);
	await expect(yusuf.getByRole('button', { name: ar.unsafe_button })).toBeVisible();

	// From the page he never opened: "I feel unsafe" is kept, and he is told who to call.
	await yusuf.goto('/me/reviews');
	const before = alertsOf('yusuf');
	await yusuf.getByRole('button', { name: ar.unsafe_button }).click();
	await expect(yusuf.getByRole('heading', { level: 1 })).toHaveText(ar.unsafe_queued_title);
	await expectNumberInOrder(yusuf);
	expect(alertsOf('yusuf')).toBe(before);

	// "Try again" on the offline page goes back to the page he wanted, once there is a signal.
	await yusuf.goto('/me/messages');
	await expectOfflineYoungPersonsPage(yusuf);
	await context.setOffline(false);
	await yusuf.getByRole('link', { name: ar.offline_retry }).click();
	await expect(yusuf).toHaveURL(/\/me\/messages$/);
	await expect(yusuf.getByRole('heading', { level: 1 })).not.toHaveText(ar.offline_title);

	// Back online, it is sent, and his social worker sees it in her own browser.
	await expect.poll(() => alertsOf('yusuf'), { timeout: 20_000 }).toBe(before + 1);
	const holly = await (await browser.newContext({ baseURL: hearth.origin })).newPage();
	await signIn(holly, 'holly.brennan');
	await expect(
		holly.getByTestId('inbox-alerts').getByRole('link', { name: 'Yusuf feels unsafe' })
	).toBeVisible();
	await holly.context().close();
	await context.close();
});

test('offline, someone signed out (or after quick exit) sees no button and nobody’s menu', async ({
	browser
}) => {
	const context = await phone(browser);
	const page = await context.newPage();
	await page.goto('/help');
	await untilControlled(page);
	await expect.poll(() => keptCopies(page)).toContain('/kept/offline');
	await context.setOffline(true);
	await page.goto('/me/reviews');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're offline");
	await expect(page.getByRole('button', { name: 'I feel unsafe' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'My messages' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await context.close();
});

/** The draft store on the phone: how many drafts it holds. */
const draftsOnPhone = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const open = indexedDB.open('hearth-drafts');
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('drafts')) return resolve(0);
					const count = db.transaction('drafts').objectStore('drafts').count();
					count.onsuccess = () => {
						db.close();
						resolve(count.result);
					};
				};
				open.onerror = () => resolve(0);
			})
	);

const WORDS = 'Pineapple-9 my secret plan for Saturday';

/** Sign in on a phone, record each page's `pageshow`, and start a draft. */
async function writeDraft(context: BrowserContext, username: string, js = true): Promise<Page> {
	await context.addInitScript(() => {
		const shows: boolean[] = [];
		(window as unknown as { shows: boolean[] }).shows = shows;
		window.addEventListener('pageshow', (event) => shows.push(event.persisted));
	});
	const page = await context.newPage();
	await signIn(page, username);
	if (js) await untilControlled(page);
	await page.goto('/me/say/good_news');
	await page.getByLabel(/What happened/).fill(WORDS);
	if (js) await expect.poll(() => draftsOnPhone(page)).toBe(1);
	return page;
}

/** After quick exit, Back: a fresh page from the server asking for the password, nothing of theirs. */
async function expectBackFindsNothing(page: Page, name: string, js = true) {
	await expect(page).toHaveURL('https://www.bbc.co.uk/weather');
	const asked: string[] = [];
	page.on('request', (request) => request.isNavigationRequest() && asked.push(request.url()));
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Type your password to carry on'
	);
	await expect(page).toHaveURL(/\/unlock\?next=/);
	expect(asked.length, 'Back asked the server again (no back/forward cache)').toBeGreaterThan(0);
	if (js)
		expect(await page.evaluate(() => (window as unknown as { shows: boolean[] }).shows)).toEqual([
			false
		]);
	const text = await page.locator('body').innerText();
	expect(text).not.toContain(name);
	expect(text).not.toContain('Pineapple');
	// "I feel unsafe" stays (a child is never turned away by the lock), naming nobody.
	await expect(page.getByRole('button', { name: 'I feel unsafe' })).toBeVisible();
	if (js) await expectAccessible(page);
	if (js) expect(await draftsOnPhone(page)).toBe(0);
}

/** Any Hearth page asks for the password; a wrong one is refused by the field; the right one carries on. */
async function expectUnlockWithPassword(page: Page, name: string) {
	await page.goto('/me/messages');
	await expect(page).toHaveURL(/\/unlock\?next=%2Fme%2Fmessages/);
	await page.getByLabel('Password').fill('not-my-password');
	await page.getByRole('button', { name: 'Carry on' }).click();
	const field = page.getByLabel('Password');
	await expect(field).toHaveAccessibleDescription(/That is not the right password/);
	await expect(page.getByText(new RegExp(`\\b${name}\\b`))).toHaveCount(0);
	await field.fill('brightwater');
	await page.getByRole('button', { name: 'Carry on' }).click();
	await expect(page).toHaveURL(/\/me\/messages$/);
	// The draft did not come back.
	await page.goto('/me/say/good_news');
	await expect(page.getByLabel(/What happened/)).toHaveValue('');
}

async function otherDeviceStaysSignedIn(browser: Browser, username: string) {
	const laptop = await browser.newContext({ baseURL: hearth.origin });
	const page = await laptop.newPage();
	await signIn(page, username);
	return {
		check: async (name: string) => {
			await page.goto('/me');
			await expect(page.getByRole('heading', { name: `Hi ${name}` })).toBeVisible();
		},
		close: () => laptop.close()
	};
}

test('quick exit by the button: Back shows no page and no draft, and the password carries on', async ({
	browser
}) => {
	const laptop = await otherDeviceStaysSignedIn(browser, 'tyler');
	const context = await phone(browser);
	const page = await writeDraft(context, 'tyler');
	await page.getByRole('link', { name: 'Quick exit' }).click();
	await expectBackFindsNothing(page, 'Tyler');
	await laptop.check('Tyler');
	await expectUnlockWithPassword(page, 'Tyler');
	await laptop.check('Tyler');
	await laptop.close();
	await context.close();
});

test('quick exit by Escape twice leaves nothing behind either', async ({ browser }) => {
	const laptop = await otherDeviceStaysSignedIn(browser, 'dan');
	const context = await phone(browser);
	const page = await writeDraft(context, 'dan');
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	await expectBackFindsNothing(page, 'Dan');
	await laptop.check('Dan');
	await expectUnlockWithPassword(page, 'Dan');
	await laptop.close();
	await context.close();
});

test('quick exit with no JavaScript locks this device on the server, then leaves', async ({
	browser
}) => {
	const laptop = await otherDeviceStaysSignedIn(browser, 'chloe');
	const context = await phone(browser, false);
	const page = await writeDraft(context, 'chloe', false);
	await page.getByRole('link', { name: 'Quick exit' }).click();
	await expectBackFindsNothing(page, 'Chloe', false);
	await laptop.check('Chloe');
	await expectUnlockWithPassword(page, 'Chloe');
	await laptop.check('Chloe');
	await laptop.close();
	await context.close();
});

test('quick exit never holds back "I feel unsafe": one kept offline goes, and the locked page raises one', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await phone(browser);
	const elif = await context.newPage();
	await signIn(elif, 'elif');
	await untilControlled(elif);
	await expect.poll(() => keptCopies(elif)).toContain('/kept/offline');
	const before = alertsOf('elif');

	// No signal: she taps "I feel unsafe", then someone comes in and she quick-exits.
	await context.setOffline(true);
	await elif.goto('/me/messages');
	await elif.getByRole('button', { name: 'I feel unsafe' }).click();
	await expect(elif.getByRole('heading', { level: 1 })).toHaveText(
		"We'll tell your worker as soon as you're online"
	);
	await elif.keyboard.press('Escape');
	await elif.keyboard.press('Escape');
	await expect(elif).toHaveURL('https://www.bbc.co.uk/weather');

	// The signal comes back and Hearth is opened again on the phone: her alert goes without her
	// password (the session is locked, and the key that sealed the outbox is gone).
	await context.setOffline(false);
	await elif.goto('/me');
	await expect(elif).toHaveURL(/\/unlock\?next=/);
	await expect.poll(() => alertsOf('elif'), { timeout: 20_000 }).toBe(before + 1);

	// On the locked page the button is still there: it raises an alert, and says who to call,
	// without her name or anything of hers.
	await elif.getByRole('button', { name: 'I feel unsafe' }).click();
	await expect(elif).toHaveURL(/\/kept\/told#told$/);
	await expect(elif.getByRole('heading', { level: 1 })).toHaveText("We've told your worker");
	await expect(elif.getByText(OUT_OF_HOURS)).toBeVisible();
	expect(await elif.locator('body').innerText()).not.toContain('Elif');
	await expectAccessible(elif);
	expect(alertsOf('elif')).toBe(before + 2);
	// Nothing else opens without the password: a statement from the locked device waits (423).
	const refused = await elif.request.post('/api/voice', {
		data: { kind: 'statement', owner: 'x', template: 'good_news', clientKey: 'k'.repeat(20) },
		headers: { origin: hearth.origin }
	});
	expect(refused.status()).toBe(423);
	await elif.goto('/me/unsafe');
	await expect(elif).toHaveURL(/\/unlock\?next=/);

	// Her personal adviser sees both, in his own browser.
	const marcus = await (await browser.newContext({ baseURL: hearth.origin })).newPage();
	await signIn(marcus, 'marcus.reid');
	await expect(
		marcus.getByTestId('inbox-alerts').getByRole('link', { name: 'Elif feels unsafe' })
	).toHaveCount(2);
	await marcus.context().close();
	await context.close();
});
