import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, expectFitsWidth, signIn, test } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/*
 * Whoever holds a new-password code can sign in as that young person. On dedd82c any manager could
 * make one for any child without a word. Now: the worker linked to them today may; a manager who
 * is not linked must say why; nobody else may; the child's social worker is told either way.
 */

const hearth = new OwnHearth(port(10), 'reset-codes');
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
	await hearth.start();
});
test.afterAll(() => hearth.stop());

async function person(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext({ baseURL: hearth.origin })).newPage();
	await signIn(page, username);
	return page;
}

const idOf = (username: string) =>
	hearth.query<{ id: string }>('select id from users where username = ?', username)[0].id;
const codesMadeFor = (id: string) =>
	hearth.query<{ n: number }>(
		"select count(*) as n from invitations where kind = 'reset' and json_extract(details, '$.userId') = ?",
		id
	)[0].n;

test('a manager not linked to Maya must say why; her social worker is told', async ({
	browser
}) => {
	const maya = idOf('maya');
	const gareth = await person(browser, 'gareth.lloyd');
	await gareth.setViewportSize({ width: 320, height: 800 });
	await gareth.goto(`/work/young-people/${maya}`);
	const reasons = gareth.getByRole('group', { name: /You are not linked to them, so say why/ });
	await expect(reasons).toBeVisible();

	// Without a reason: refused next to the choices, and no code made.
	await gareth.getByRole('button', { name: 'Make a new-password code' }).click();
	await expect(gareth.getByText('Choose why you are making this code.')).toBeVisible();
	await expect(gareth.getByText(/New-password code for Maya/)).toHaveCount(0);
	expect(codesMadeFor(maya)).toBe(0);
	await expectAccessible(gareth);
	await expectFitsWidth(gareth);

	// With one, the code is made, and the reason is in the audit log.
	await gareth.getByText("It is out of hours and they can't get in").click();
	await gareth.getByRole('button', { name: 'Make a new-password code' }).click();
	await expect(gareth.getByRole('status')).toContainText(
		/New-password code for Maya: [A-Z0-9-]{14}/
	);
	expect(codesMadeFor(maya)).toBe(1);
	expect(
		hearth.query(
			"select detail from audit_log where action = 'password.reset_code_made' and subject_user_id = ?",
			maya
		)
	).toEqual([{ detail: 'reason: out_of_hours' }]);

	// Sam, her social worker, is told what happened (not who the child is: the link says).
	const sam = await person(browser, 'sam.okafor');
	await sam.goto('/notices');
	await expect(
		sam.getByText('A new-password code was made for a young person you work with.')
	).toBeVisible();
});

test('her own social worker makes one without a reason, and is not told of their own code', async ({
	browser
}) => {
	const leo = idOf('leo');
	const sam = await person(browser, 'sam.okafor');
	await sam.goto(`/work/young-people/${leo}`);
	await expect(sam.getByRole('group', { name: /say why/ })).toHaveCount(0);
	await sam.getByRole('button', { name: 'Make a new-password code' }).click();
	await expect(sam.getByRole('status')).toContainText(/New-password code for Leo: /);
	expect(
		hearth.query<{ n: number }>(
			"select count(*) as n from notices where kind = 'reset_code_made' and user_id = ?",
			idOf('sam.okafor')
		)[0].n
	).toBe(1); // only Maya's, from the test before
});

test('refused: a worker not linked, an admin, and a manager posting no reason', async () => {
	const maya = idOf('maya');
	const before = codesMadeFor(maya);
	const post = async (username: string, path: string, form: Record<string, string> = {}) => {
		const client = await hearth.client(username);
		const response = await client.post(path, { form, maxRedirects: 0 });
		await client.dispose();
		return response.status();
	};
	// Holly is a social worker, but not Maya's.
	expect(await post('holly.brennan', `/work/young-people/${maya}?/resetCode`)).toBe(403);
	// An admin looks after staff accounts; a young person's code is their worker's to make.
	expect(await post('admin', `/admin/accounts/${maya}?/resetCode`)).toBe(403);
	// A made-up reason is no reason.
	expect(
		await post('gareth.lloyd', `/work/young-people/${maya}?/resetCode`, { reason: 'because' })
	).toBe(400);
	expect(codesMadeFor(maya)).toBe(before);
});

test("the admin's page for a young person says who makes their code, and offers no button", async ({
	browser
}) => {
	const admin = await person(browser, 'admin');
	await admin.goto(`/admin/accounts/${idOf('maya')}`);
	await expect(admin.getByText("A young person's new-password code is made by")).toBeVisible();
	await expect(admin.getByRole('button', { name: 'Make a new-password code' })).toHaveCount(0);
	await expectAccessible(admin);
});
