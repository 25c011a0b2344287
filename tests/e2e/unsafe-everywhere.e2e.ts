import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/*
 * Issue 18, items 5 and 17. "I feel unsafe" is on the first screen of every page a young person
 * can open, on a 320 px phone, with normal and with the biggest words; and the numbers to call
 * read in their own order, on one line, when the page is in Arabic. These change a young
 * person's words and language, and raise an alert, so they have a Hearth of their own (port(42)).
 */

const hearth = new OwnHearth(port(42), 'unsafe-everywhere');
test.describe.configure({ mode: 'serial' });
test.beforeAll(() => hearth.start().then(() => undefined));
test.afterAll(() => hearth.stop());

const SMALL_PHONE = { width: 320, height: 568 };
const on = (as: (u: string, o?: object) => Promise<Page>) => (username: string) =>
	as(username, { baseURL: hearth.origin, viewport: SMALL_PHONE });

/** Staff areas: the access-control matrix (matrix.e2e.ts) proves a young person is refused them. */
const STAFF_AREAS = ['/work', '/board', '/admin'];
/**
 * Pages the service worker shows with no signal, the same for everybody: the offline page (built
 * once with Hearth) and the kept pages (fetched signed out, one of them what "I feel unsafe"
 * shows offline). They carry nobody's key; their numbers are checked below.
 */
const NOT_A_SIGNED_IN_PAGE = ['/offline', '/kept/[kind]'];
/** Pages a young person is refused today, on purpose: a second factor is for staff. */
const REFUSED = ['/account/second-factor'];

/** Every page route under src/routes outside the staff areas, as SvelteKit names it. */
function youngPeoplesRoutes(): string[] {
	const found: string[] = [];
	const walk = (dir: string, route: string) => {
		for (const name of readdirSync(dir)) {
			const full = path.join(dir, name);
			if (statSync(full).isDirectory())
				walk(full, /^\(.*\)$/.test(name) ? route : `${route}/${name}`);
			else if (name === '+page.svelte') found.push(route || '/');
		}
	};
	walk(path.resolve('src/routes'), '');
	return found
		.filter((route) => !STAFF_AREAS.some((area) => route === area || route.startsWith(area + '/')))
		.filter((route) => !NOT_A_SIGNED_IN_PAGE.includes(route))
		.sort();
}

const pattern = (route: string) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, '[^/?#]+')}$`);

/** Same-origin paths of the links on the page. */
const linksOn = (page: Page) =>
	page
		.locator('a[href]')
		.evaluateAll((links) =>
			(links as HTMLAnchorElement[])
				.filter((link) => link.origin === location.origin)
				.map((link) => link.pathname)
		);

/**
 * Every route, with real values for its parameters: pages without any are visited first and the
 * links on them give the rest (a message, a review, an issue), so a new route is in here without
 * anyone remembering. The page after "I feel unsafe" is opened only by the tap (`opened`).
 */
async function everyPage(page: Page, routes: string[], opened: string[]): Promise<string[]> {
	const plain = routes.filter((route) => !route.includes('['));
	// The public copy of an entitlement (signed in, the menu links to their own).
	const seen = new Set(['/offer/leisure-pass', ...opened]);
	for (const route of plain) {
		await page.goto(route);
		for (const link of await linksOn(page)) seen.add(link);
	}
	const withValues = routes
		.filter((route) => route.includes('['))
		.map((route) => {
			const example = [...seen].find((link) => pattern(route).test(link));
			expect(example, `a page to open for ${route}`).toBeTruthy();
			return example!;
		});
	return [...plain, ...withValues];
}

/** Where the button is on the page as it was first drawn (the first screen). */
async function unsafeButtonOnFirstScreen(page: Page, label: string) {
	const button = page.getByRole('button', { name: label });
	await expect(button, `"${label}" on ${page.url()}`).toBeVisible();
	await page.evaluate(() => window.scrollTo(0, 0));
	const box = (await button.boundingBox())!;
	expect(box.y, `"${label}" on ${page.url()}`).toBeGreaterThanOrEqual(0);
	expect(
		box.y + box.height,
		`"${label}" is below the first screen of ${page.url()}`
	).toBeLessThanOrEqual(SMALL_PHONE.height);
	return box.y + box.height;
}

async function chooseWords(page: Page, size: 'Normal' | 'Very big') {
	await page.goto('/me/settings');
	await page.getByRole('group', { name: 'Size of words' }).getByText(size, { exact: true }).click();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
}

test('"I feel unsafe" is on the first screen of every page a young person can open', async ({
	as
}) => {
	// Every page twice, on a machine shared with other tests.
	test.setTimeout(240_000);
	const jayden = await on(as)('jayden');
	// Things of his own to open: a message, an alert he raised and an issue for his forum.
	await jayden.goto('/me/say/good_news');
	await jayden
		.getByRole('group', { name: 'How do you feel?' })
		.locator('label', { hasText: 'Great' })
		.click();
	await jayden.getByLabel(/What happened/).fill('I got a place at college.');
	await jayden.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(jayden).toHaveURL(/\/me\/messages\/\w+/);
	await jayden.goto('/me');
	await jayden.getByRole('button', { name: 'I feel unsafe' }).click();
	await expect(jayden).toHaveURL(/\/me\/unsafe\/\w+#told$/);
	const alertPage = new URL(jayden.url()).pathname;
	await jayden.goto('/me/forum');
	await jayden.getByLabel('Title').fill('More youth club nights');
	await jayden.getByLabel('What is wrong?').fill('The club shuts at six.');
	await jayden.getByLabel('What do you want to change?').fill('Open it until eight.');
	await jayden.getByRole('button', { name: 'Raise it' }).click();
	await expect(
		jayden.getByText('Thank you! A participation officer will read your issue first.')
	).toBeVisible();

	const routes = youngPeoplesRoutes();
	const refused: string[] = [];
	const pages = (await everyPage(jayden, routes, [alertPage])).filter((url) => {
		if (!REFUSED.includes(url)) return true;
		refused.push(url);
		return false;
	});
	expect(refused).toEqual(REFUSED);
	for (const asked of [
		'/notices',
		'/help',
		'/privacy',
		'/account/password',
		'/account/notifications'
	])
		expect(pages).toContain(asked);

	const lowest: Record<string, number> = {};
	for (const size of ['Normal', 'Very big'] as const) {
		await chooseWords(jayden, size);
		let worst = 0;
		for (const url of pages) {
			const answer = await jayden.goto(url);
			expect(answer?.status(), url).toBeLessThan(400);
			worst = Math.max(worst, await unsafeButtonOnFirstScreen(jayden, 'I feel unsafe'));
		}
		lowest[size] = Math.round(worst);
	}
	// The second-factor page refuses young people: it must not be reachable, and is not here.
	const refusedAnswer = await jayden.goto(REFUSED[0]);
	expect(refusedAnswer?.status()).toBeGreaterThanOrEqual(400);

	// Axe on a few, with the biggest words.
	for (const url of ['/notices', '/help', '/account/password', '/me']) {
		await jayden.goto(url);
		await expectAccessible(jayden);
	}
	await jayden.goto('/me');
	await jayden.screenshot({ path: '/tmp/hearth-rtl-very-big-320.png' });
	test.info().annotations.push({
		type: 'figures',
		description: `${pages.length} pages at ${SMALL_PHONE.width}x${SMALL_PHONE.height}; lowest button bottom: normal ${lowest.Normal}px, very big ${lowest['Very big']}px`
	});
	console.log(test.info().annotations.at(-1)!.description);
});

/**
 * Each "0800 1111" on the page: the direction it is laid out in, whether "0800" is drawn before
 * (left of) "1111", and whether it sits on one line.
 */
function childlineNumbers(page: Page) {
	return page.evaluate(() => {
		const found: { direction: string; inOrder: boolean; lines: number; text: string }[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent ?? '';
			const at = text.indexOf('0800 1111');
			if (at < 0 || !(node.parentElement as HTMLElement).checkVisibility()) continue;
			const range = (from: number, to: number) => {
				const r = document.createRange();
				r.setStart(node, from);
				r.setEnd(node, to);
				return r;
			};
			const first = range(at, at + 4).getBoundingClientRect();
			const second = range(at + 5, at + 9).getBoundingClientRect();
			const whole = [...range(at, at + 9).getClientRects()].filter((rect) => rect.width > 0);
			found.push({
				text,
				direction: getComputedStyle(node.parentElement!).direction,
				inOrder: first.right <= second.left && Math.abs(first.top - second.top) < 2,
				lines: new Set(whole.map((rect) => Math.round(rect.top))).size
			});
		}
		return found;
	});
}

async function expectNumbersReadRight(page: Page, where: string) {
	const numbers = await childlineNumbers(page);
	expect(numbers.length, `Childline's number on ${where}`).toBeGreaterThan(0);
	for (const number of numbers) {
		expect(number, `${where}: "${number.text}"`).toMatchObject({
			direction: 'ltr',
			inOrder: true,
			lines: 1
		});
	}
	return numbers.length;
}

test('in Arabic, the numbers to call read in their own order and do not break', async ({
	as,
	browser
}) => {
	const jayden = await on(as)('jayden');
	await chooseWords(jayden, 'Very big');
	await jayden.goto('/me');
	await jayden.getByRole('button', { name: 'العربية' }).click();
	await expect(jayden.locator('html')).toHaveAttribute('dir', 'rtl');

	let checked = 0;
	// The footer, on his own page.
	checked += await expectNumbersReadRight(jayden, '/me (footer)');
	await unsafeButtonOnFirstScreen(jayden, 'لا أشعر بالأمان');
	await jayden.screenshot({ path: '/tmp/hearth-rtl-ar-me-320.png', fullPage: true });

	// What he sees after tapping "I feel unsafe".
	await jayden.getByRole('button', { name: 'لا أشعر بالأمان' }).click();
	await expect(jayden).toHaveURL(/\/me\/unsafe\/\w+#told$/);
	checked += await expectNumbersReadRight(jayden, 'the page after "I feel unsafe"');
	const ooh = jayden.locator('bdi', { hasText: '01632 960 999' });
	await expect(ooh).toHaveCSS('direction', 'ltr');
	await jayden.screenshot({ path: '/tmp/hearth-rtl-ar-unsafe-320.png', fullPage: true });

	for (const url of ['/me/unsafe', '/help', '/kept/unsafe', '/kept/statement']) {
		await jayden.goto(url);
		await expect(jayden.locator('html')).toHaveAttribute('dir', 'rtl');
		checked += await expectNumbersReadRight(jayden, url);
	}
	await jayden.goto('/help');
	await expectAccessible(jayden);
	await jayden.screenshot({ path: '/tmp/hearth-rtl-ar-help-320.png', fullPage: true });

	// The kept page as the service worker keeps it: fetched signed out, in the phone's language.
	const phone = await browser.newContext({ baseURL: hearth.origin, viewport: SMALL_PHONE });
	const kept = await phone.newPage();
	await kept.goto('/kept/unsafe?lang=ar');
	await expect(kept.locator('html')).toHaveAttribute('dir', 'rtl');
	checked += await expectNumbersReadRight(kept, '/kept/unsafe, signed out');
	await kept.screenshot({ path: '/tmp/hearth-rtl-ar-kept-320.png', fullPage: true });
	// The offline page is built once, in English: its numbers still do not break.
	await kept.goto('/offline');
	checked += await expectNumbersReadRight(kept, '/offline');
	await phone.close();
	console.log(`Childline's number checked in ${checked} places`);
});

/** How far down the first screen this is drawn (its bottom edge, px); the screen is 568 high. */
const bottomOf = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((element) => element.getBoundingClientRect().bottom);

test('after the tap, what happened and who to call are on the first screen, not the button again', async ({
	as
}) => {
	// Found walking it on a phone: the page came back scrolled to its top, showing the same red
	// button and the menu, and "We've told your worker" two screens down with the biggest words.
	const leo = await on(as)('leo');
	await chooseWords(leo, 'Very big');
	for (const from of ['/help', '/notices', '/me']) {
		await leo.goto(from);
		await leo.getByRole('button', { name: 'I feel unsafe' }).click();
		await expect(leo).toHaveURL(/\/me\/unsafe\/\w+#told$/);
		await expect(leo.getByRole('heading', { level: 1 })).toHaveText("We've told your worker");
		expect(await bottomOf(leo, 'h1#told'), from).toBeLessThanOrEqual(SMALL_PHONE.height);
	}
	// Picture mode: Scared says who was told and who to call, at the top of the first screen.
	await leo.goto('/me/express');
	await leo.getByRole('button', { name: 'Scared' }).click();
	await expect(leo).toHaveURL(/#told$/);
	const told = leo.locator('#told');
	await expect(told).toContainText('have been told');
	// The box starts at the top, and its first words (who was told) are on the first screen.
	expect(await leo.locator('#told').evaluate((e) => e.getBoundingClientRect().top)).toBeLessThan(
		50
	);
	expect(await bottomOf(leo, '#told p')).toBeLessThanOrEqual(SMALL_PHONE.height);
	await expect(leo.getByRole('region', { name: 'People you can call' })).toContainText(
		'01632 960 999'
	);
	await expectAccessible(leo);
	await chooseWords(leo, 'Normal');
});
