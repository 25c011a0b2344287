import { expect, expectAccessible, expectFitsWidth, test, type SignedIn } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/*
 * Issue 20, items 1 and 2: the young person's record. These change the demo's children (their
 * council IDs, periods of care, where they live), so they have a Hearth of their own.
 */
const hearth = new OwnHearth(port(90), 'records');
test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.beforeAll(async () => {
	await hearth.start();
});
test.afterAll(() => hearth.stop());

const on = (as: SignedIn) => hearth.on(as);
/** A date this many days back from today, as a date box takes it. */
const daysAgo = (days: number) =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const idOf = (username: string) =>
	hearth.query<{ id: string }>('select id from users where username = ?', username)[0].id;

test("Maya's social worker finds her by council ID and changes her record; a clash is refused beside the field; a manager sees where she lives on an alert", async ({
	as
}) => {
	const sam = await on(as)('sam.okafor');
	await sam.goto('/work');
	await sam.getByLabel('Find a young person').fill('BW100231');
	await sam.getByRole('button', { name: 'Find' }).click();
	const table = sam.getByRole('table', { name: 'My young people' });
	await expect(table.getByRole('link', { name: 'Maya' })).toBeVisible();
	await expect(table.getByRole('link', { name: 'Tyler' })).toHaveCount(0);
	await table.getByRole('link', { name: 'Maya' }).click();
	await expect(sam.getByRole('heading', { level: 1 })).toHaveText('Maya');
	await expectAccessible(sam);
	await expectFitsWidth(sam);
	await sam.setViewportSize({ width: 1280, height: 800 });

	// Tyler's ID is his: refused beside the field, what was typed kept.
	const idBox = sam.getByRole('textbox', { name: 'Council child ID' });
	await idBox.fill('BW099870');
	await sam.getByRole('button', { name: 'Save council ID' }).click();
	await expect(sam.getByText('Another child already has this council ID.')).toBeVisible();
	await expect(sam.getByRole('textbox', { name: 'Council child ID' })).toHaveValue('BW099870');
	await expect(sam.getByRole('textbox', { name: 'Council child ID' })).toHaveAttribute(
		'aria-invalid',
		'true'
	);

	// Maya goes home, then comes back into care: the first period ends, a second starts.
	await sam.getByText('Change this period').click();
	const change = sam
		.locator('form', { has: sam.getByRole('button', { name: 'Save period of care' }) })
		.first();
	// Maya's period began 200 days ago in the demo.
	await change.getByLabel('Ended on').fill(daysAgo(30));
	await change.getByRole('button', { name: 'Save period of care' }).click();
	await expect(sam.getByText('Choose why the period of care ended.')).toBeVisible();
	await change.getByLabel('Why it ended').selectOption('E4A');
	await change.getByRole('button', { name: 'Save period of care' }).click();
	await expect(sam.getByText(/ended \d+ \w+ \d{4}/)).toBeVisible();
	const shown = (words: string) => sam.getByRole('paragraph').filter({ hasText: words });
	await expect(shown('E4A: Returned home as planned')).toBeVisible();
	await sam.getByText('Add a period of care').click();
	const add = sam.locator('details', { hasText: 'Add a period of care' });
	await add.getByLabel('Started on').fill(daysAgo(40));
	await add.getByLabel('Legal status').selectOption('C1');
	await add.getByRole('button', { name: 'Save period of care' }).click();
	await expect(sam.getByText(/overlaps another period of care/)).toBeVisible();
	await add.getByLabel('Started on').fill(daysAgo(10));
	await add.getByRole('button', { name: 'Save period of care' }).click();
	await expect(shown('C1: Interim care order')).toBeVisible();

	// Where she lives now: sealed, shown to those who may open her record.
	await sam.getByLabel('Address').fill('4 Willow Close, Brightwater');
	await sam.getByLabel("Carer's name").fill('Karen Mills');
	await sam.getByLabel("Carer's phone").fill('01632 960 411');
	await sam.getByRole('button', { name: 'Save where they live' }).click();
	await expect(sam.getByLabel('Address')).toHaveValue('4 Willow Close, Brightwater');
	await expectAccessible(sam);

	// The duty manager, at night, on Shannon's alert: where she lives, from her record.
	const gareth = await on(as)('gareth.lloyd');
	const alertId = hearth.query<{ id: string }>(
		'select id from safety_alerts where young_person_id = ?',
		idOf('shannon')
	)[0].id;
	await gareth.goto(`/work/alerts/${alertId}`);
	await expect(gareth.getByTestId('alert-contacts')).toContainText('Flat 3, 51 Station Road');
	await expect(gareth.getByText('Council child ID: BW089950')).toBeVisible();
});

test('nobody else may open or change the record: another worker, an officer, a Board member', async ({
	as
}) => {
	const maya = idOf('maya');
	for (const username of ['holly.brennan', 'leah.mensah', 'cllr.shah']) {
		const page = await on(as)(username);
		const response = await page.goto(`/work/young-people/${maya}`);
		expect([username, response?.status()]).toEqual([username, 403]);
		await expect(page.getByText('4 Willow Close')).toHaveCount(0);
	}
	// A worker not linked to her posts to the form anyway: refused, nothing changes.
	const holly = await on(as)('holly.brennan');
	await holly.goto('/work');
	const posted = await holly.request.post(`/work/young-people/${maya}?/councilId`, {
		form: { councilChildId: 'HACKED' },
		headers: { origin: hearth.origin, 'x-sveltekit-action': 'true' }
	});
	expect(posted.status()).toBe(403);
	expect(
		hearth.query<{ id: string }>(
			'select council_child_id as id from young_people where user_id = ?',
			maya
		)[0].id
	).toBe('BW100231');
});

test('a 17-year-old in foster care sees Staying Put coming at 18, and their worker sees it on the record', async ({
	as
}) => {
	const nathan = await on(as)('nathan');
	await nathan.goto('/me/offer');
	const timeline = nathan.getByRole('region', { name: 'What changes as you get older' });
	await expect(
		timeline.getByRole('link', { name: 'Staying with your foster carers after 18' })
	).toBeVisible();
	const holly = await on(as)('holly.brennan');
	await holly.goto(`/work/young-people/${idOf('nathan')}`);
	const coming = holly.getByRole('region', { name: 'Coming at 18' });
	await expect(coming).toContainText('Staying Put');
	await expect(coming).toContainText('bursary');
	await expectAccessible(holly);
});
