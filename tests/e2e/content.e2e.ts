import { expect, expectAccessible, signIn, signOut, test } from './fixtures';
import { DEMO_ORIGIN } from './ports';

// Not run at once: the first test opens Dan's newest notice, which the second test's publishing
// would replace.

test('an officer drafts, previews and publishes a change, and a young person sees what is new', async ({
	page
}) => {
	await signIn(page, 'leah.mensah');
	await page.getByRole('link', { name: 'Pledge and Offer' }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Local Offer' }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Edit Driving lessons' }).click();
	await expectAccessible(page);

	// Bad input changes nothing and keeps what was typed.
	await page.getByLabel(/Amount in pounds/).fill('lots');
	await page.getByLabel(/Starts at age/).fill('21');
	await page.getByLabel(/Stops on birthday/).fill('18');
	await page
		.getByLabel('Details')
		.fill('Now up to **£750**. <script>alert(1)</script><img src=x onerror=alert(1)>');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByText('Type an amount in pounds, like 3200 or 72.50.')).toBeVisible();
	await expect(page.getByText('The starting age must be below the age it stops.')).toBeVisible();
	await expect(page.getByLabel('Details')).toHaveValue(/Now up to \*\*£750\*\*/);
	await expect(page.getByLabel(/Amount in pounds/)).toHaveValue('lots');

	await page.getByLabel(/Amount in pounds/).fill('750');
	await page.getByLabel(/Starts at age/).fill('17');
	await page.getByLabel(/Stops on birthday/).fill('25');
	await page
		.getByLabel('Plain summary (one or two short sentences)')
		.fill('Up to £750 towards driving lessons and your test.');
	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.getByRole('region', { name: 'Preview of the draft' });
	await expect(preview.getByText('Now up to')).toBeVisible();
	await expect(preview.locator('strong')).toHaveText('£750');
	expect(await preview.innerHTML()).not.toMatch(/script|onerror|<img/);
	await expectAccessible(page);

	// Drafts are not public.
	const visitor = await (await page.context().browser()!.newContext()).newPage();
	await visitor.goto('/offer/driving-lessons');
	await expect(
		visitor.getByText('Up to £500 towards driving lessons and your test.')
	).toBeVisible();

	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByText(/Published\. \d+ young people were told\./)).toBeVisible();
	await visitor.reload();
	await expect(
		visitor.getByText('Up to £750 towards driving lessons and your test.')
	).toBeVisible();
	await visitor.context().close();
	await signOut(page);

	await signIn(page, 'dan');
	await page.goto('/notices');
	await expect(
		page.getByText('Something you can get has changed. Have a look.').first()
	).toBeVisible();
	await page.getByRole('button', { name: 'Open' }).first().click();
	await expect(page).toHaveURL('/me/offer/driving-lessons');
	await expect(page.getByText('Up to £750 towards driving lessons and your test.')).toBeVisible();
});

test('an officer restores an old version from the history', async ({ as }) => {
	const page = await as('admin');
	await page.goto('/admin/content/offer');
	await page.getByRole('link', { name: 'Edit A mentor' }).click();
	await page
		.getByLabel('Plain summary (one or two short sentences)')
		.fill('Someone friendly to meet for a coffee.');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(
		page.getByText('Draft saved. Nothing has changed for young people yet.')
	).toBeVisible();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByText(/Published\./)).toBeVisible();
	await page.goto('/offer/mentor');
	await expect(page.getByText('Someone friendly to meet for a coffee.')).toBeVisible();

	await page.goto('/admin/content/offer');
	await page.getByRole('link', { name: 'History A mentor' }).click();
	await expectAccessible(page);
	await expect(page.getByRole('listitem').first()).toContainText(
		'Someone friendly to meet for a coffee.'
	);
	const original = page
		.getByRole('listitem')
		.filter({ hasText: 'As it was before the first change in Hearth' });
	await original.getByRole('button', { name: 'Put this version back' }).click();
	await expect(page.getByText('That version is live again.')).toBeVisible();
	await page.goto('/offer/mentor');
	await expect(
		page.getByText('A trained volunteer who meets you for a coffee and a chat.')
	).toBeVisible();
});

test('an officer changes a promise in the Pledge', async ({ as }) => {
	const page = await as('leah.mensah');
	await page.goto('/admin/content/pledge');
	await expectAccessible(page);
	// A textarea's wording is its value, not its text, so find the box holding it.
	const boxes = page.getByRole('textbox', { name: 'Promise', exact: true });
	const index = await boxes.evaluateAll(
		(elements, wording) =>
			elements.findIndex((element) => (element as HTMLTextAreaElement).value === wording),
		'We will pay for school trips so you never miss out.'
	);
	expect(index).toBeGreaterThanOrEqual(0);
	const promise = boxes.nth(index).locator('xpath=ancestor::form[1]');
	await boxes.nth(index).fill('We will pay for every school trip, so you never miss out.');
	await promise.getByRole('button', { name: 'Save promise' }).click();
	await expect(page.getByText('Saved and published.')).toBeVisible();
	await page.goto('/pledge');
	await expect(
		page.getByText('We will pay for every school trip, so you never miss out.')
	).toBeVisible();

	// Reorder: the tutoring promise moves above the school trips one.
	await page.goto('/admin/content/pledge');
	await page
		.getByRole('button', { name: 'Move You can have extra tutoring if you want it. up' })
		.click();
	await page.goto('/pledge');
	const school = page
		.getByRole('region', { name: 'School, learning and fun' })
		.getByRole('listitem');
	await expect(school.nth(1)).toHaveText('You can have extra tutoring if you want it.');
	await expect(school.nth(2)).toHaveText(
		'We will pay for every school trip, so you never miss out.'
	);
});

test('only officers and admins may edit, and officers nothing else under /admin', async ({
	page
}) => {
	await signIn(page, 'leah.mensah');
	expect((await page.goto('/admin/content/offer'))?.status()).toBe(200);
	expect((await page.goto('/admin/audit'))?.status()).toBe(403);
	await signOut(page);
	for (const who of ['marcus.reid', 'cllr.shah', 'reece']) {
		await signIn(page, who);
		expect((await page.goto('/admin/content/offer'))?.status(), who).toBe(403);
		const post = await page.request.post('/admin/content/pledge?/save', {
			form: { promiseId: '', themeId: 'x', text: 'Sneaky promise' },
			headers: { origin: DEMO_ORIGIN }
		});
		expect(post.status(), who).toBe(403);
		await signOut(page);
	}
});
