import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
	expect,
	test as base,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';
import { DEMO_ORIGIN } from './ports';

export const DEMO_PASSWORD = 'brightwater';

/** axe-core on the page as it is now: no serious or critical violations. */
export async function expectAccessible(page: Page) {
	// Every rule runs, in the page itself. The builder's usual way opens a blank page after each
	// check to gather results from frames (Hearth has none), which cost about 2 s a check on a busy
	// machine; and only violations are asked for in detail, so axe does not build a selector for
	// every element that passed.
	const results = await new AxeBuilder({ page })
		.setLegacyMode()
		.options({ resultTypes: ['violations'] })
		.analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
		`accessibility problems on ${page.url()}`
	).toEqual([]);
}

/** Sign in through the form, as a person would, and check the page that follows. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
	await page.goto('/signin');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => url.pathname !== '/signin');
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByText('You have signed out.')).toBeVisible();
}

/**
 * Wait until the service worker is installed and controls the page: after it is ready, a
 * reload is the dependable way to be controlled (waiting for `controllerchange` can miss it).
 */
export async function untilControlled(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** No sideways scrolling at the width of a small phone. */
export async function expectFitsWidth(page: Page, width = 320) {
	await page.setViewportSize({ width, height: 640 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow, `page ${page.url()} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
}

export interface SignInOptions extends BrowserContextOptions {
	/**
	 * Reuse the session an earlier test signed this person in with. On by default on the shared
	 * demo; on a test's own Hearth only when the file asks (`hearth.on(as, { reuse: true })`).
	 */
	reuse?: boolean;
}

export type SignedIn = (username: string, options?: SignInOptions) => Promise<Page>;

/**
 * Where a person's session on one Hearth is kept for the rest of the run (the folder is made in
 * playwright.config.ts, so every worker finds the same files).
 */
const sessionFile = (origin: string, username: string) =>
	path.join(process.env.HEARTH_E2E_SESSIONS_DIR!, `${new URL(origin).port}-${username}.json`);

/** Keep this browser's cookies for the next test that needs the same person. */
async function keepSession(context: BrowserContext, file: string) {
	const { cookies } = await context.storageState();
	// Written whole, then renamed: another worker may be reading it, or signing the same person in.
	const partial = `${file}.${process.pid}`;
	writeFileSync(partial, JSON.stringify({ cookies, origins: [] }));
	renameSync(partial, file);
}

export const test = base.extend<{ quickExitBlocked: void; as: SignedIn }>({
	/**
	 * `as(username)`: a browser of their own, signed in, so several people can act at once as in
	 * real life. Every one is closed when the test ends.
	 *
	 * On the shared demo each person signs in through the form once a run, and later tests reuse
	 * that session: a sign-in (argon2, two pages) cost about a second. So a test must not use `as`
	 * there to sign out, quick-exit, change a password or end sessions, or to test signing in: that
	 * would end or lock the session for every other test. Those sign in afresh with `signIn`.
	 */
	as: async ({ browser }, use) => {
		const contexts: BrowserContext[] = [];
		await use(async (username, { reuse, ...options } = {}) => {
			const baseURL = options.baseURL ?? DEMO_ORIGIN;
			const file = (reuse ?? baseURL === DEMO_ORIGIN) ? sessionFile(baseURL, username) : null;
			const kept = file && existsSync(file) ? file : undefined;
			const context = await browser.newContext({ ...options, baseURL, storageState: kept });
			contexts.push(context);
			await context.route('https://www.bbc.co.uk/**', (route) =>
				route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' })
			);
			const page = await context.newPage();
			if (kept) {
				// Signed in already, /signin sends them to their home page, as signing in does. A
				// session that has ended (staff idle time, a Hearth started again) stays on /signin.
				await page.goto('/signin');
				if (new URL(page.url()).pathname !== '/signin') return page;
			}
			await signIn(page, username);
			if (file) await keepSession(context, file);
			return page;
		});
		for (const context of contexts) await context.close();
	},
	// The neutral site is on the internet, which this machine cannot reach: answer for it locally.
	quickExitBlocked: [
		async ({ context }, use) => {
			await context.route('https://www.bbc.co.uk/**', (route) =>
				route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' })
			);
			await use();
		},
		{ auto: true }
	]
});

/** Read the demo database directly, as an attacker with a copy of the file would. */
export function readDemoDatabase<T>(sql: string): T[] {
	const db = new Database(path.join(process.env.HEARTH_E2E_DEMO_DIR!, 'hearth.db'), {
		readonly: true
	});
	try {
		return db.prepare(sql).all() as T[];
	} finally {
		db.close();
	}
}

export { expect };
