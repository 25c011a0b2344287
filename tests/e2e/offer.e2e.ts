import { expect, expectAccessible, expectFitsWidth, signIn, signOut, test } from './fixtures';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

test('a signed-out visitor reads the Pledge and the Local Offer, down to one entitlement', async ({
	page
}) => {
	await page.goto('/offer');
	await expect(page.getByRole('heading', { level: 1, name: /Local Offer/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Somewhere to live' })).toBeVisible();
	await expect(page.getByText(/Last updated/)).toBeVisible();
	await expectAccessible(page);
	await expectFitsWidth(page);
	await page.getByRole('link', { name: 'Setting up home allowance' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Setting up home allowance' })
	).toBeVisible();
	await expect(page.getByText('£3,200')).toHaveCount(2);
	await expect(page.getByText('The law says you can have this')).toBeVisible();
	await expect(
		page.getByText(/Care leavers who are eligible, relevant and former relevant, from age 16/)
	).toBeVisible();
	await expectAccessible(page);

	await page.goto('/pledge');
	await expect(page.getByRole('heading', { name: 'Staying safe' })).toBeVisible();
	expect(
		await page
			.getByRole('listitem')
			.filter({ hasText: /^We |^You |^If |^Your |^Councillors/ })
			.count()
	).toBeGreaterThanOrEqual(25);
	await expectAccessible(page);
});

test('a 19-year-old former relevant care leaver at university sees the bursary and not the under-18 items', async ({
	as
}) => {
	const page = await as('reece');
	await page.getByRole('link', { name: 'What I can get' }).first().click();
	await expect(page).toHaveURL('/me/offer');
	await expectAccessible(page);
	const offer = page.getByRole('main');
	await expect(offer.getByRole('link', { name: 'Higher education bursary' })).toBeVisible();
	await expect(
		offer.getByRole('link', { name: 'Staying with your foster carers after 18' })
	).toBeVisible();
	await expect(offer.getByRole('link', { name: 'No council tax until 25' })).toBeVisible();
	await expect(
		offer.getByRole('link', { name: 'Weekly living allowance at 16 and 17' })
	).toHaveCount(0);
	await expect(offer.getByRole('link', { name: '16 to 19 bursary' })).toHaveCount(0);
	await expect(offer.getByRole('link', { name: 'Starting grant for young parents' })).toHaveCount(
		0
	);

	await offer.getByRole('link', { name: 'Higher education bursary' }).click();
	await expect(page.getByTestId('verdict')).toHaveText('This is for you.');
	await page.goto('/me/offer/young-parent-grant');
	await expect(page.getByTestId('verdict')).toContainText(
		'This is for young people who are a young parent'
	);
});

test('a 17-year-old sees what starts at 18 on the timeline', async ({ as }) => {
	const page = await as('chloe');
	await page.goto('/me/offer');
	const eighteen = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /When you turn 18/ }) });
	await expect(eighteen.getByRole('link', { name: 'No council tax until 25' })).toBeVisible();
	await expect(eighteen.getByRole('link', { name: 'Rent deposit and guarantor' })).toBeVisible();
	await expect(eighteen).toContainText('Weekly living allowance at 16 and 17');
	await expectAccessible(page);
});

test('a young person asks their PA, and the PA answers', async ({ page }) => {
	await signIn(page, 'elif');
	await page.goto('/me/offer/study-laptop');
	await page
		.getByLabel(/Anything you want to say/)
		.fill('My old laptop broke and my course starts in January.');
	await page.getByRole('button', { name: 'Send to my PA' }).click();
	await expect(page.getByText('Sent. Your PA will get back to you.')).toBeVisible();
	await expect(page.getByText('Waiting for your PA')).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	// Her PA, Marcus, sees it in his work list; Holly, not linked to Elif, does not.
	await signIn(page, 'holly.brennan');
	await page.goto('/work/requests');
	await expect(page.getByText('Elif asked about A laptop for study')).toHaveCount(0);
	await signOut(page);

	await signIn(page, 'marcus.reid');
	await page.getByRole('link', { name: 'Requests' }).click();
	const request = page
		.getByRole('listitem')
		.filter({ hasText: 'Elif asked about A laptop for study' });
	await expect(request).toContainText('My old laptop broke');
	await expectAccessible(page);
	await request.getByRole('radio', { name: 'Declined' }).check();
	await request.getByRole('button', { name: 'Send answer' }).click();
	await expect(page.getByText('When you say no, give the reason.')).toBeVisible();
	await request.getByRole('radio', { name: /^Done/ }).check();
	await request
		.getByLabel('Your answer to them')
		.fill('Ordered! It will come to your flat on Thursday.');
	await request.getByRole('button', { name: 'Send answer' }).click();
	await expect(page.getByRole('heading', { name: 'Answered' })).toBeVisible();
	await signOut(page);

	await signIn(page, 'elif');
	await expect(page.getByTestId('notice-bell')).toHaveAccessibleName(/Notices, [1-9] new/);
	await page.goto('/me/offer/study-laptop');
	await expect(page.getByText('Ordered! It will come to your flat on Thursday.')).toBeVisible();
	await expect(page.getByText('Done', { exact: true })).toBeVisible();
});

test('a young person rates a promise and can change the answer later', async ({ as }) => {
	const page = await as('jayden');
	await page.goto('/me/pledge');
	await expectAccessible(page);
	const promise = page
		.getByRole('listitem')
		.filter({ hasText: 'We will answer your messages within two working days.' });
	await promise.getByRole('button', { name: 'Save my answer' }).click();
	await expect(promise.getByText('Choose one answer.')).toBeVisible();
	await promise.getByLabel('Sometimes').check();
	await promise.getByLabel(/Tell us more/).fill('Usually, but not in the school holidays.');
	await promise.getByRole('button', { name: 'Save my answer' }).click();
	await expect(
		promise
			.getByText('Thanks, we\u2019ve saved your answer')
			.or(promise.getByText(/saved your answer/))
	).toBeVisible();

	await page.reload();
	const again = page
		.getByRole('listitem')
		.filter({ hasText: 'We will answer your messages within two working days.' });
	await expect(again.getByLabel('Sometimes')).toBeChecked();
	await expect(again.getByLabel(/Tell us more/)).toHaveValue(
		'Usually, but not in the school holidays.'
	);
	await again.getByLabel('Yes').check();
	await again.getByRole('button', { name: 'Save my answer' }).click();
	// Wait for the save to land before reloading, or the reload can cut it off.
	await expect(again.getByText(/saved your answer/)).toBeVisible();
	await page.reload();
	await expect(
		page.getByRole('listitem').filter({ hasText: 'within two working days' }).getByLabel('Yes')
	).toBeChecked();
});

test('staff are refused young people’s offer pages and young people the request list', async ({
	page
}) => {
	await signIn(page, 'marcus.reid');
	expect((await page.goto('/me/offer'))?.status()).toBe(403);
	await signOut(page);
	await signIn(page, 'reece');
	expect((await page.goto('/work/requests'))?.status()).toBe(403);
});

test('the offer can be read offline once the app has loaded', async ({ page, context }) => {
	await page.goto('/signin');
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.reload();
	await expect
		.poll(() =>
			page.evaluate(async () => !!(await caches.match('/offer', { cacheName: 'hearth-public' })))
		)
		.toBe(true);
	await context.setOffline(true);
	await page.goto('/offer');
	await expect(page.getByRole('heading', { level: 1, name: /Local Offer/ })).toBeVisible();
	await context.setOffline(false);
});

test('a copy kept for offline reading never holds the name of whoever was signed in', async ({
	as
}) => {
	const page = await as('amira');
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.goto('/offer');
	await expect(page.getByText('Signed in as Amira')).toBeVisible();
	await expect
		.poll(() =>
			page.evaluate(async () => {
				const cached = await caches.match('/offer', { cacheName: 'hearth-public' });
				return cached ? await cached.text() : '';
			})
		)
		.toContain('Local Offer');
	const cachedText = await page.evaluate(async () =>
		(await caches.match('/offer', { cacheName: 'hearth-public' }))!.text()
	);
	expect(cachedText).not.toContain('Amira');
});

test('a PA records that a young person has started university, and the bursary appears for them', async ({
	page
}) => {
	await signIn(page, 'dan');
	await page.goto('/me/offer');
	await expect(
		page.getByRole('main').getByRole('link', { name: 'Higher education bursary' })
	).toHaveCount(0);
	await signOut(page);

	await signIn(page, 'marcus.reid');
	await page.getByRole('link', { name: 'Dan', exact: true }).click();
	await page.getByLabel('at university or in higher education').check();
	await page.getByRole('button', { name: 'Save situation' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await expect(page.getByLabel('at university or in higher education')).toBeChecked();
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, 'dan');
	await page.goto('/me/offer');
	await expect(
		page.getByRole('main').getByRole('link', { name: 'Higher education bursary' })
	).toBeVisible();
});
