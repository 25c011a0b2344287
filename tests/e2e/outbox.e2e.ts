import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test, untilControlled } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

// Nothing readable left on a shared phone (issue 17, item 7): what a young person wrote offline
// and could not send waits sealed, and after quick exit or sign-out the phone holds no key to
// open it. A Hearth of its own: these tests sign people out and count what reaches the server.
const hearth = new OwnHearth(port(22), 'outbox');
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
	await hearth.start();
});
test.afterAll(() => hearth.stop());

async function phone(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: hearth.origin });
	// The neutral site quick exit goes to is on the internet, which this machine cannot reach.
	await context.route('https://www.bbc.co.uk/**', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' })
	);
	return context;
}

/**
 * Everything this origin keeps on the phone, as text: every IndexedDB database, store, key and
 * value (bytes as Latin-1, so words stored as bytes show too), localStorage, sessionStorage and
 * every cached response. A CryptoKey shows as CRYPTOKEY: with one, sealed things can be opened.
 */
function storedOnPhone(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const asText = (value: unknown): string => {
			if (value instanceof CryptoKey) return 'CRYPTOKEY';
			if (value instanceof ArrayBuffer) return asText(new Uint8Array(value));
			if (ArrayBuffer.isView(value))
				return String.fromCharCode(
					...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
				);
			if (value && typeof value === 'object')
				return Object.entries(value)
					.map(([name, inner]) => `${name}=${asText(inner)}`)
					.join(' ');
			return String(value);
		};
		const done = <T>(request: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const found: string[] = [];
		for (const { name } of await indexedDB.databases()) {
			if (!name) continue;
			const db = await done(indexedDB.open(name));
			for (const store of db.objectStoreNames) {
				const read = db.transaction(store).objectStore(store);
				const [keys, values] = await Promise.all([done(read.getAllKeys()), done(read.getAll())]);
				found.push(`idb ${name}/${store} (${values.length}): ${asText(keys)} ${asText(values)}`);
			}
			db.close();
		}
		for (const storage of [localStorage, sessionStorage])
			for (const key of Object.keys(storage)) found.push(`storage ${key}=${storage.getItem(key)}`);
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys())
				found.push(`cache ${request.url}: ${await (await cache.match(request))!.text()}`);
		}
		return found.join('\n');
	});
}

/** The outbox items waiting on the phone (their form keys), read straight from IndexedDB. */
function waitingKeys(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve) => {
				const open = indexedDB.open('hearth-outbox');
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('items')) return resolve([]);
					const request = db.transaction('items').objectStore('items').getAllKeys();
					request.onsuccess = () => {
						db.close();
						resolve(request.result.map(String));
					};
				};
			})
	);
}

const storedTimes = (clientKey: string) =>
	hearth.query<{ n: number }>(
		'select count(*) as n from statements where client_key = ?',
		clientKey
	)[0].n;

/** This person's sessions that quick exit has locked on the server. */
const lockedSessions = (username: string) =>
	hearth.query<{ n: number }>(
		'select count(*) as n from sessions s join users u on u.id = s.user_id where u.username = ? and s.locked_at is not null',
		username
	)[0].n;

const statementId = (clientKey: string) =>
	hearth.query<{ id: string }>('select id from statements where client_key = ?', clientKey)[0].id;

/** Sign in, open "Something good happened" and wait until the phone holds this person's key. */
async function readyToWrite(page: Page, username: string) {
	await signIn(page, username);
	await page.goto('/me/say/good_news');
	await untilControlled(page);
	await expect.poll(() => storedOnPhone(page)).toContain('CRYPTOKEY');
}

/** With no signal: pick a face, write, send; the phone says it kept it. Returns the form's key. */
async function writeOffline(page: Page, words: string): Promise<string> {
	await page.context().setOffline(true);
	await page
		.getByRole('group', { name: 'How do you feel?' })
		.locator('label', { hasText: 'Great' })
		.click();
	await page.getByLabel(/What happened/).fill(words);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByText(/You're offline. We kept what you wrote/)).toBeVisible();
	const keys = await waitingKeys(page);
	expect(keys).toHaveLength(1);
	return keys[0];
}

test('offline, write, quick exit: the phone holds none of the words, and nothing is lost', async ({
	browser
}) => {
	const context = await phone(browser);
	const page = await context.newPage();
	await readyToWrite(page, 'dan');
	const words = 'Quokka-7 is my secret word and I am scared of Lee';
	const clientKey = await writeOffline(page, words);

	await page.getByRole('link', { name: 'Quick exit' }).click();
	await expect(page).toHaveURL('https://www.bbc.co.uk/weather');

	// Whoever picks up the phone next, still offline, opening Hearth and reading its storage.
	const after = await context.newPage();
	await after.goto('/offline');
	const stored = await storedOnPhone(after);
	expect(stored).toContain('idb hearth-outbox/items (1)');
	expect(stored).toContain(`key=${clientKey}`);
	for (const word of ['Quokka', 'secret word', 'scared of Lee']) expect(stored).not.toContain(word);
	expect(stored, 'no key left that could open what is sealed').not.toContain('CRYPTOKEY');
	expect(storedTimes(clientKey)).toBe(0);

	// The signal comes back. The browser may tell the service worker to send what waits before
	// any page loads (the background sync): the lock, noted offline, must reach the server first,
	// and nothing go, nor the key come back, from a session that should be locked.
	expect(lockedSessions('dan')).toBe(0);
	await context.setOffline(false);
	await after.evaluate(async () => {
		const worker = await navigator.serviceWorker.ready;
		worker.active?.postMessage({ type: 'flush-outbox' });
	});
	await expect.poll(() => lockedSessions('dan')).toBe(1);
	await expect.poll(() => waitingKeys(after)).toEqual([clientKey]);
	expect(storedTimes(clientKey)).toBe(0);
	expect(await storedOnPhone(after), 'the key did not come back').not.toContain('CRYPTOKEY');

	// Nothing lost: Dan opens Hearth, types his password (quick exit locked this phone's
	// session, issue 18 item 7) and it goes, once.
	await after.goto('/me');
	await expect(after).toHaveURL(/\/unlock/);
	expect(storedTimes(clientKey)).toBe(0);
	await after.getByLabel('Password').fill(DEMO_PASSWORD);
	await after.getByRole('button', { name: 'Carry on' }).click();
	await expect(after).toHaveURL(/\/me$/);
	await expect.poll(() => storedTimes(clientKey), { timeout: 15_000 }).toBe(1);
	await expect.poll(() => waitingKeys(after)).toEqual([]);
	await after.goto(`/me/messages/${statementId(clientKey)}`);
	await expect(after.getByText(words)).toBeVisible();
	await context.close();
});

test('offline, write, sign out, sign in: the phone says it waits, holds no words, and sends it once', async ({
	browser
}) => {
	const context = await phone(browser);
	const page = await context.newPage();
	await readyToWrite(page, 'chloe');
	const words = 'Wombat-3 means the boy at school took my phone again';
	const clientKey = await writeOffline(page, words);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { name: 'You have signed out.' })).toBeVisible();
	await expect(
		page.getByText('Something you wrote has not been sent yet. We have locked it on this phone')
	).toBeVisible();
	await expectAccessible(page);

	const stored = await storedOnPhone(page);
	expect(stored).toContain('idb hearth-outbox/items (1)');
	expect(stored).toContain(`key=${clientKey}`);
	for (const word of ['Wombat', 'boy at school', 'took my phone'])
		expect(stored).not.toContain(word);
	expect(stored, 'no key left that could open what is sealed').not.toContain('CRYPTOKEY');
	expect(storedTimes(clientKey)).toBe(0);

	// Back online, someone else opening Hearth finds it signed out, and gets no key.
	await context.setOffline(false);
	const next = await context.newPage();
	await next.goto('/me');
	await expect(next).toHaveURL(/\/signin/);
	expect(await storedOnPhone(next)).not.toContain('CRYPTOKEY');
	expect(storedTimes(clientKey)).toBe(0);

	// Chloe signs in again: the key comes back and it is sent, once.
	await signIn(next, 'chloe');
	await expect.poll(() => storedTimes(clientKey), { timeout: 15_000 }).toBe(1);
	await expect.poll(() => waitingKeys(next)).toEqual([]);
	await next.goto(`/me/messages/${statementId(clientKey)}`);
	await expect(next.getByText(words)).toBeVisible();
	expect(storedTimes(clientKey)).toBe(1);
	await context.close();
});

test('one phone, two young people: what one left waiting stays locked while the other signs in and out', async ({
	browser
}) => {
	const context = await phone(browser);
	const page = await context.newPage();
	await readyToWrite(page, 'reece');
	const words = 'Narwhal-5 I want to move to my nan';
	const clientKey = await writeOffline(page, words);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByText('Something you wrote has not been sent yet')).toBeVisible();
	await context.setOffline(false);

	// Elif borrows the phone: her key comes, Reece's stays away, and his message cannot go.
	const elif = await context.newPage();
	await readyToWrite(elif, 'elif');
	const stored = await storedOnPhone(elif);
	expect(stored.match(/CRYPTOKEY/g)).toHaveLength(1);
	for (const word of ['Narwhal', 'my nan']) expect(stored).not.toContain(word);
	expect(await waitingKeys(elif)).toEqual([clientKey]);
	expect(storedTimes(clientKey)).toBe(0);
	// Signing out online, she is not told something of hers is waiting: it is not hers.
	await elif.getByRole('button', { name: 'Sign out' }).click();
	await expect(elif.getByText('You have signed out.')).toBeVisible();
	await expect(elif.getByText('Something you wrote has not been sent yet')).toHaveCount(0);
	expect(await storedOnPhone(elif)).not.toContain('CRYPTOKEY');

	// Reece signs in again: it goes, once.
	await signIn(elif, 'reece');
	await expect.poll(() => storedTimes(clientKey), { timeout: 15_000 }).toBe(1);
	await expect.poll(() => waitingKeys(elif)).toEqual([]);
	await elif.goto(`/me/messages/${statementId(clientKey)}`);
	await expect(elif.getByText(words)).toBeVisible();
	await context.close();
});
