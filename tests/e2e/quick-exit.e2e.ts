import { expect, signIn, test } from './fixtures';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

test('quick exit leaves at once for a neutral site', async ({ page }) => {
	await signIn(page, 'amira');
	await page.getByRole('link', { name: 'Quick exit' }).click();
	await expect(page).toHaveURL('https://www.bbc.co.uk/weather');
	await expect(page.getByRole('heading', { name: 'Weather' })).toBeVisible();
});

test('pressing Escape twice leaves too', async ({ page }) => {
	await signIn(page, 'amira');
	await expect(page.getByRole('heading', { name: 'Hi Amira' })).toBeVisible();
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL('https://www.bbc.co.uk/weather');
});

test('staff pages have no quick exit', async ({ as }) => {
	const page = await as('sam.okafor');
	await expect(page.getByRole('link', { name: 'Quick exit' })).toHaveCount(0);
});

test('quick exit works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.route('https://www.bbc.co.uk/**', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<h1>Weather</h1>' })
	);
	const page = await context.newPage();
	await signIn(page, 'amira');
	await page.getByRole('link', { name: 'Quick exit' }).click();
	await expect(page).toHaveURL('https://www.bbc.co.uk/weather');
	await context.close();
});
