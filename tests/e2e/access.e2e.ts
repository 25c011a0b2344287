import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, signOut, test } from './fixtures';
import { DEMO_ORIGIN } from './ports';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

/** The id of a young person, read off a worker's list. */
async function youngPersonId(page: Page, worker: string, name: string): Promise<string> {
	await signIn(page, worker);
	const href = await page.getByRole('link', { name, exact: true }).first().getAttribute('href');
	await signOut(page);
	return href!.split('/').pop()!;
}

test('a young person is refused /work and /admin', async ({ as }) => {
	const page = await as('tyler');
	for (const path of ['/work', '/admin', '/admin/audit', '/board']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
		await expect(page.getByRole('heading', { name: "You can't see this page" })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Go to your home page' })).toBeVisible();
	}
	await expectAccessible(page);
});

test('a young person cannot use a staff form by posting to it', async ({ as }) => {
	const page = await as('tyler');
	const response = await page.request.post('/work/invite', {
		form: {
			preferredName: 'Sneaky',
			dateOfBirth: '2012-01-01',
			careStatus: 'in_care',
			leavingCareCategory: 'none'
		},
		headers: { origin: DEMO_ORIGIN }
	});
	expect(response.status()).toBe(403);
});

test('a young person cannot give a work phone by posting to the staff form', async ({ page }) => {
	await signIn(page, 'tyler');
	const response = await page.request.post('/account/notifications?/workPhone', {
		form: { workPhone: '01632 960 123' },
		headers: { origin: DEMO_ORIGIN }
	});
	expect(response.status()).toBe(403);
});

test('signed out, a protected page asks you to sign in', async ({ page }) => {
	await page.goto('/me');
	await expect(page).toHaveURL('/signin?next=%2Fme');
});

test('a board member is refused a young person’s record', async ({ page }) => {
	const id = await youngPersonId(page, 'sam.okafor', 'Maya');
	await signIn(page, 'cllr.shah');
	const response = await page.goto(`/work/young-people/${id}`);
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Maya')).toHaveCount(0);
});

test('a worker sees a linked young person but is refused one not linked to them', async ({
	page
}) => {
	const amira = await youngPersonId(page, 'holly.brennan', 'Amira');
	await signIn(page, 'sam.okafor');
	await page.getByRole('link', { name: 'Maya', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Maya' })).toBeVisible();
	await expectAccessible(page);

	const response = await page.goto(`/work/young-people/${amira}`);
	expect(response?.status()).toBe(403);
	await expect(page.getByText('You can only see young people you work with.')).toBeVisible();
	await expect(page.getByText('Amira')).toHaveCount(0);
});

test('a staff read of a record is in the audit log for admins to find', async ({ page }) => {
	await signIn(page, 'janet.ward');
	await page.getByRole('link', { name: 'Tyler', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tyler' })).toBeVisible();
	await signOut(page);

	await signIn(page, 'admin');
	await page.goto('/admin/audit');
	await page.getByLabel('Person (name or username)').fill('janet');
	await page.getByLabel('What happened').selectOption('young_person.viewed');
	await page.getByRole('button', { name: 'Search the log' }).click();
	const row = page.getByRole('row').filter({ hasText: 'Tyler' }).first();
	await expect(row).toContainText('Janet Ward');
	await expect(row).toContainText('young_person.viewed');
	await expectAccessible(page);
});

test('only admins can use admin actions, whoever posts them', async ({ page }) => {
	await signIn(page, 'admin');
	await page.goto('/admin/accounts?search=elif');
	const href = await page.getByRole('link', { name: 'Elif' }).getAttribute('href');
	await signOut(page);

	for (const intruder of ['sam.okafor', 'cllr.pemberton', 'reece']) {
		await signIn(page, intruder);
		const response = await page.request.post(`${href}?/disable`, {
			form: {},
			headers: { origin: DEMO_ORIGIN }
		});
		expect(response.status(), intruder).toBe(403);
		await signOut(page);
	}
	// Elif can still sign in: nothing was switched off.
	await signIn(page, 'elif');
	await expect(page).toHaveURL('/me');
});
