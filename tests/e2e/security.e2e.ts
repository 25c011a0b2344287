import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, expectFitsWidth, signIn, test } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

// A Hearth of its own: these tests turn on second factors, change roles and age sessions.
const hearth = new OwnHearth(port(4), 'security');
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
	await hearth.start();
});
test.afterAll(() => hearth.stop());

let adminCodes: string[] = [];

async function fresh(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: hearth.origin });
	return context.newPage();
}

/** What an authenticator app shows for this base32 key, `ahead` steps from now. */
function appCode(base32Key: string, ahead = 0): string {
	const key = decodeBase32IgnorePadding(base32Key.replace(/\s/g, ''));
	return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + ahead), 6);
}

test('a manager turns on an authenticator app; then signing in needs a code or a recovery code', async ({
	browser
}) => {
	const page = await fresh(browser);
	await signIn(page, 'nadia.hussain');
	await page.getByRole('link', { name: 'Authenticator app' }).click();
	await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
	await expectAccessible(page);
	await expectFitsWidth(page);
	const key = (await page.getByTestId('totp-key').textContent())!.trim();

	// A wrong code is refused next to the field, and nothing is turned on.
	await page.getByLabel('6-digit code from your app').fill('123456');
	await page.getByRole('button', { name: 'Turn it on' }).click();
	await expect(page.getByText('That code is not right.')).toBeVisible();
	expect(
		hearth.query("select totp_enabled_at from users where username = 'nadia.hussain'")
	).toEqual([{ totp_enabled_at: null }]);

	const key2 = (await page.getByTestId('totp-key').textContent())!.trim();
	const firstCode = appCode(key2);
	await page.getByLabel('6-digit code from your app').fill(firstCode);
	await page.getByRole('button', { name: 'Turn it on' }).click();
	await expect(page.getByRole('status')).toHaveText('Your authenticator app is on.');
	const codes = (
		await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents()
	).map((code) => code.trim());
	expect(codes).toHaveLength(10);
	expect(key2).not.toBe(key);
	// Turning it on was giving a code: this session is not asked for another.
	await page.goto('/work');
	await expect(page).toHaveURL('/work');

	// Signing in again: the password alone opens nothing.
	const again = await fresh(browser);
	await signIn(again, 'nadia.hussain');
	await expect(again).toHaveURL(/\/signin\/second-factor/);
	await expect(again.getByRole('heading', { name: "Check it's you" })).toBeVisible();
	await expectAccessible(again);
	const work = await again.request.get('/work', { maxRedirects: 0 });
	expect(work.status()).toBe(303);
	expect(work.headers()['location']).toMatch(/^\/signin\/second-factor/);
	// The code just used to turn it on cannot be used again; the next one can.
	await again.getByLabel('6-digit code from your app').fill(firstCode);
	await again.getByRole('button', { name: 'Check the code' }).click();
	await expect(again.getByText('That code is not right.')).toBeVisible();
	await again.getByLabel('6-digit code from your app').fill(appCode(key2, 1));
	await again.getByRole('button', { name: 'Check the code' }).click();
	await expect(again).toHaveURL('/work');

	// No phone: a recovery code, once.
	const third = await fresh(browser);
	await signIn(third, 'nadia.hussain');
	await third.getByText("I don't have my phone").click();
	await third.getByLabel('One of your recovery codes').fill(codes[0]);
	await third.getByRole('button', { name: 'Use the recovery code' }).click();
	await expect(third).toHaveURL('/work');
	const fourth = await fresh(browser);
	await signIn(fourth, 'nadia.hussain');
	await fourth.getByText("I don't have my phone").click();
	await fourth.getByLabel('One of your recovery codes').fill(codes[0]);
	await fourth.getByRole('button', { name: 'Use the recovery code' }).click();
	await expect(
		fourth.getByText('That recovery code is not right, or it has been used.')
	).toBeVisible();
});

// Two different one-pixel PNGs.
const FIRST_LOGO = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);
const SECOND_LOGO = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);

test('a new logo goes up with the settings; a save refused for another field keeps the logo in use', async ({
	browser
}) => {
	const page = await fresh(browser);
	await signIn(page, 'admin');
	await page.goto('/admin/settings');
	const logo = page.getByLabel('Logo', { exact: true });
	await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: FIRST_LOGO });
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	const served = async () => Buffer.from(await (await page.request.get('/council-logo')).body());
	expect(await served()).toEqual(FIRST_LOGO);
	// The chair chosen stops being a Board member between opening the page and saving it.
	await page.goto('/admin/settings');
	await page
		.getByLabel('Chair of the Corporate Parenting Board')
		.evaluate((select: HTMLSelectElement) => {
			select.add(new Option('Someone', 'no-longer-a-board-member'));
			select.value = 'no-longer-a-board-member';
		});
	await logo.setInputFiles({ name: 'new.png', mimeType: 'image/png', buffer: SECOND_LOGO });
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Choose one.')).toBeVisible();
	// The logo in use is still there, still the one every page shows.
	expect(await served()).toEqual(FIRST_LOGO);
});

test('when the council requires it, an admin must set up an app before anything else', async ({
	browser
}) => {
	const page = await fresh(browser);
	await signIn(page, 'admin');
	await page.goto('/admin/settings');
	await page
		.getByLabel('Administrators and managers must use an authenticator app as well as a password')
		.check();
	await page.getByRole('button', { name: 'Save settings' }).click();
	// From the next page on, the admin's own session asks for it.
	await page.goto('/admin');
	await expect(page).toHaveURL(/\/signin\/second-factor/);
	await expect(page.getByText('Your council asks administrators and managers')).toBeVisible();
	await expectAccessible(page);
	const key = (await page.getByTestId('totp-key').textContent())!.trim();
	await page.getByLabel('6-digit code from your app').fill(appCode(key));
	await page.getByRole('button', { name: 'Turn it on' }).click();
	await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
	adminCodes = (
		await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents()
	).map((code) => code.trim());
	await page.getByRole('link', { name: 'Carry on' }).click();
	await expect(page).toHaveURL('/admin');

	// A worker is not asked.
	const sam = await fresh(browser);
	await signIn(sam, 'sam.okafor');
	await expect(sam).toHaveURL('/work');
});

test('a worker gives a young person a new-password code; it works once', async ({ browser }) => {
	const sam = await fresh(browser);
	await signIn(sam, 'sam.okafor');
	await sam.getByRole('link', { name: 'Maya', exact: true }).click();
	await sam.getByRole('button', { name: 'Make a new-password code' }).click();
	const status = await sam.getByRole('status').textContent();
	const code = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(status ?? '')![1];
	await expectAccessible(sam);

	const maya = await fresh(browser);
	await maya.goto('/signin');
	await maya.getByRole('link', { name: 'Choose a new password with a code' }).click();
	await expectAccessible(maya);
	await expectFitsWidth(maya);
	await maya.getByLabel('Code from your worker').fill(code.toLowerCase());
	await maya.getByLabel('Your new password', { exact: true }).fill('short');
	await maya.getByRole('button', { name: 'Save my new password' }).click();
	// The message is next to the field and the code is kept.
	await expect(maya.getByLabel('Code from your worker')).toHaveValue(code.toLowerCase());
	await maya.getByLabel('Your new password', { exact: true }).fill('purple kite morning');
	await maya.getByLabel('Type your new password again').fill('purple kite morning');
	await maya.getByRole('button', { name: 'Save my new password' }).click();
	await expect(maya.getByText('Your new password is saved. You are signed in.')).toBeVisible();

	const later = await fresh(browser);
	await signIn(later, 'maya', 'purple kite morning');
	await expect(later).toHaveURL('/me');
	await later.goto('/reset');
	await later.getByLabel('Code from your worker').fill(code);
	await later.getByLabel('Your new password', { exact: true }).fill('another good phrase');
	await later.getByLabel('Type your new password again').fill('another good phrase');
	await later.getByRole('button', { name: 'Save my new password' }).click();
	await expect(later.getByText('This code has already been used.')).toBeVisible();
});

test('an admin changes a worker’s roles: the worker’s session ends', async ({ browser }) => {
	const holly = await fresh(browser);
	await signIn(holly, 'holly.brennan');
	await expect(holly).toHaveURL('/work');

	// The admin has an app since the test before: in with a recovery code this time.
	const admin = await fresh(browser);
	await signIn(admin, 'admin');
	await admin.getByText("I don't have my phone").click();
	await admin.getByLabel('One of your recovery codes').fill(adminCodes[0]);
	await admin.getByRole('button', { name: 'Use the recovery code' }).click();
	await admin.goto('/admin/accounts?search=holly');
	await admin.getByRole('link', { name: 'Holly Brennan' }).click();
	await admin.getByRole('checkbox', { name: 'Manager', exact: true }).check();
	await admin.getByRole('button', { name: 'Save roles' }).click();
	await expect(admin.getByRole('status')).toContainText('Roles saved.');
	await expectAccessible(admin);
	// Staff who forget their password get a one-time code from an admin the same way.
	await admin.getByRole('button', { name: 'Make a new-password code' }).click();
	await expect(admin.getByRole('status')).toContainText(
		/New-password code for Holly Brennan: [A-Z0-9-]{14}/
	);
	// The council keeps an admin: Priya cannot take away her own administration.
	await admin.goto('/admin/accounts?search=priya');
	await admin.getByRole('link', { name: 'Priya Natarajan' }).click();
	await admin.getByRole('checkbox', { name: 'Admin', exact: true }).uncheck();
	await admin.getByRole('checkbox', { name: 'Manager', exact: true }).check();
	await admin.getByRole('button', { name: 'Save roles' }).click();
	await expect(admin.getByText('You cannot take away your own administrator role.')).toBeVisible();
	await admin.goto(admin.url().split('?')[0]);
	await expect(admin.getByRole('checkbox', { name: 'Admin', exact: true })).toBeChecked();
	await expect(admin.getByRole('checkbox', { name: 'Manager', exact: true })).not.toBeChecked();

	// Holly's old session is gone. Signing in again, she is a manager, and the council's rule
	// (the test before) asks her to set up an app before the team page opens.
	await holly.goto('/work/team');
	await expect(holly).toHaveURL(/\/signin\?next=%2Fwork%2Fteam/);
	await holly.getByLabel('Username').fill('holly.brennan');
	await holly.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await holly.getByRole('button', { name: 'Sign in' }).click();
	await expect(holly).toHaveURL(/\/signin\/second-factor\?next=%2Fwork%2Fteam/);
	await expect(holly.getByText('Your council asks administrators and managers')).toBeVisible();
});

test('an admin erases a young person: the name and words are gone, and it is in the audit log', async ({
	browser
}) => {
	const admin = await fresh(browser);
	await signIn(admin, 'admin');
	await admin.getByText("I don't have my phone").click();
	await admin.getByLabel('One of your recovery codes').fill(adminCodes[1]);
	await admin.getByRole('button', { name: 'Use the recovery code' }).click();
	const dan = hearth.query<{ id: string }>("select id from users where username = 'dan'")[0].id;
	await admin.goto(`/admin/accounts/${dan}`);
	// A wrong username is refused beside the field, and what was typed stays.
	await admin.getByLabel('Their username').fill('danny');
	await admin.getByRole('button', { name: 'Erase for good' }).click();
	await expect(admin.getByText('That is not their username.')).toBeVisible();
	await expect(admin.getByLabel('Their username')).toHaveValue('danny');
	expect(hearth.query('select erased_at from users where id = ?', dan)).toEqual([
		{ erased_at: null }
	]);
	await admin.getByLabel('Their username').fill('dan');
	await admin.getByRole('button', { name: 'Erase for good' }).click();
	await expect(admin.getByText('This person was erased.')).toBeVisible();
	await expectAccessible(admin);
	expect(hearth.query('select display_name as name from users where id = ?', dan)).toEqual([
		{ name: 'Erased' }
	]);
	expect(
		hearth.query(
			"select count(*) as n from audit_log where action = 'data.erased' and subject_user_id = ?",
			dan
		)
	).toEqual([{ n: 1 }]);
	// Dan can no longer sign in.
	const gone = await hearth.client();
	const tried = await gone.post('/signin', {
		form: { username: 'dan', password: DEMO_PASSWORD },
		maxRedirects: 0
	});
	expect(tried.status()).toBe(400);
	await gone.dispose();
});

test('staff are signed out after 30 minutes without using Hearth, and told why', async ({
	browser
}) => {
	const page = await fresh(browser);
	await signIn(page, 'marcus.reid');
	await expect(page).toHaveURL('/work');
	// 31 minutes pass with nothing from this session (sessions go by the wall clock).
	const changed = hearth.execute(
		`update sessions set last_seen_at = ?, created_at = ? where user_id = (select id from users where username = 'marcus.reid')`,
		Date.now() - 31 * 60_000,
		Date.now() - 31 * 60_000
	);
	expect(changed).toBe(1);
	await page.goto('/work');
	await expect(page).toHaveURL(/\/signin\?next=%2Fwork&ended=idle/);
	await expect(
		page.getByText('You were signed out because Hearth was not used for a while.')
	).toBeVisible();
	await expectAccessible(page);
	const rows = hearth.query<{ n: number }>(
		"select count(*) as n from audit_log where action = 'session.ended' and detail = 'idle'"
	);
	expect(rows[0].n).toBe(1);
});
