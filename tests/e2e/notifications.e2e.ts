import { expect, expectAccessible, signIn, signOut, test, untilControlled } from './fixtures';
import { OwnHearth } from './own-hearth';
import { DEMO_ORIGIN, port } from './ports';

// Each test here changes only what no other test in this file reads: they may run at once.
test.describe.configure({ mode: 'parallel' });

test('the bell counts a new notice, and reading it clears the count', async ({ page }) => {
	await signIn(page, 'holly.brennan');
	const bell = page.getByTestId('notice-bell');
	await expect(bell).toHaveAccessibleName('Notices, none new');
	await page.getByRole('link', { name: 'Invite a young person' }).click();
	await page.getByLabel('Name they like to be called').fill('Rosie');
	await page.getByLabel('Date of birth').fill('2012-09-03');
	// A child in care: the period of care she is in, for her review due date.
	await page.getByLabel('Came into care on').fill('2026-01-05');
	await page.getByLabel('Legal status').selectOption('C2');
	await page.getByLabel('Social worker', { exact: true }).selectOption({ label: 'Holly Brennan' });
	await page.getByRole('button', { name: 'Make the code' }).click();
	const code = (await page.getByTestId('invitation-code').textContent())!.trim();
	await signOut(page);

	await page.goto('/join');
	await page.getByLabel('Your code').fill(code);
	await page.getByLabel('Choose a username').fill('rosie.k');
	await page.getByLabel('Choose a password').fill('sunflower meadow');
	await page.getByLabel('Type your password again').fill('sunflower meadow');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page).toHaveURL('/me?welcome');
	await signOut(page);

	await signIn(page, 'holly.brennan');
	await expect(bell).toHaveAccessibleName('Notices, 1 new');
	await bell.click();
	await expect(page.getByText('Someone you invited has started using Hearth.')).toBeVisible();
	await expectAccessible(page);
	await page
		.getByRole('listitem')
		.filter({ hasText: 'Someone you invited has started using Hearth.' })
		.getByRole('button', { name: 'Open' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Rosie' })).toBeVisible();
	await expect(bell).toHaveAccessibleName('Notices, none new');
});

test('mark all as read', async ({ page }) => {
	// Two colleagues join from the admin's codes: two notices.
	await signIn(page, 'admin');
	const codes: string[] = [];
	for (const name of ['Ola Bankole', 'Tess Moreno']) {
		await page.goto('/admin/invite');
		await page.getByLabel('Full name').fill(name);
		await page.getByRole('checkbox', { name: 'Worker' }).check();
		await page.getByRole('button', { name: 'Make the code' }).first().click();
		codes.push((await page.getByTestId('invitation-code').textContent())!.trim());
	}
	await signOut(page);
	for (const [i, code] of codes.entries()) {
		await page.goto('/join');
		await page.getByLabel('Your code').fill(code);
		await page.getByLabel('Choose a username').fill(`colleague${i}`);
		await page.getByLabel('Choose a password').fill('a long enough password');
		await page.getByLabel('Type your password again').fill('a long enough password');
		await page.getByRole('button', { name: 'Start' }).click();
		await expect(page).toHaveURL('/work?welcome');
		await signOut(page);
	}
	await signIn(page, 'admin');
	await expect(page.getByTestId('notice-bell')).toHaveAccessibleName(/Notices, [2-9] new/);
	await page.goto('/notices');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Mark all as read' }).click();
	await expect(page.getByTestId('notice-bell')).toHaveAccessibleName('Notices, none new');
	await expect(page.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0);
});

test('the bell updates in place when the app comes back into view', async ({ page, browser }) => {
	await signIn(page, 'marcus.reid');
	const bell = page.getByTestId('notice-bell');
	// Other tests may tell Marcus things too, so count from where he starts.
	const unread = async () =>
		Number((await bell.getAttribute('aria-label'))?.match(/(\d+) new/)?.[1] ?? 0);
	const before = await unread();

	// Meanwhile, on another device, Marcus invites a care leaver who joins.
	const other = await (await browser.newContext()).newPage();
	await signIn(other, 'marcus.reid');
	await other.goto('/work/invite');
	await other.getByLabel('Name they like to be called').fill('Jordan');
	await other.getByLabel('Date of birth').fill('2006-02-11');
	await other
		.getByLabel('Are they in care or a care leaver?')
		.selectOption({ label: 'Care leaver' });
	await other.getByLabel('Personal adviser (PA)').selectOption({ label: 'Marcus Reid' });
	await other.getByRole('button', { name: 'Make the code' }).click();
	const code = (await other.getByTestId('invitation-code').textContent())!.trim();
	await signOut(other);
	await other.goto('/join');
	await other.getByLabel('Your code').fill(code);
	await other.getByLabel('Choose a username').fill('jordan.p');
	await other.getByLabel('Choose a password').fill('river stones 9');
	await other.getByLabel('Type your password again').fill('river stones 9');
	await other.getByRole('button', { name: 'Start' }).click();
	await expect(other).toHaveURL('/me?welcome');
	await other.context().close();

	const url = page.url();
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	await expect.poll(unread).toBeGreaterThan(before);
	expect(page.url()).toBe(url);
});

test.describe('device settings', () => {
	// Chromium here cannot reach a real push service, so PushManager is replaced in the page
	// only: it hands back a subscription whose endpoint is on this machine. Everything from the
	// page's fetch to /api/push onwards is real.
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => {
			const bytes = (n: number, first?: number) => {
				const array = crypto.getRandomValues(new Uint8Array(n));
				if (first !== undefined) array[0] = first;
				return btoa(String.fromCharCode(...array))
					.replace(/\+/g, '-')
					.replace(/\//g, '_')
					.replace(/=+$/, '');
			};
			const endpoint = `https://127.0.0.1:9/push/${bytes(12)}`;
			const subscription = {
				endpoint,
				toJSON: () => ({
					endpoint,
					expirationTime: null,
					keys: { p256dh: bytes(65, 4), auth: bytes(16) }
				})
			};
			Object.defineProperty(window, 'Notification', {
				value: { permission: 'default', requestPermission: async () => 'granted' }
			});
			PushManager.prototype.subscribe = async () => subscription as unknown as PushSubscription;
		});
	});

	test('a young person turns notifications on for this device, sees it listed, and turns it off', async ({
		page
	}) => {
		await signIn(page, 'dan');
		await page.goto('/account/notifications');
		await expect(
			page.getByText('Notifications on your phone are off until you turn them on.')
		).toBeVisible();
		await expect(page.getByLabel('Send notifications to my devices')).not.toBeChecked();
		await expect(page.getByText('never shows names or what anyone wrote')).toBeVisible();
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Turn on for this device' }).click();
		await expect(page.getByText('Notifications are on for this device.')).toBeVisible();
		await expect(page.getByText('Chrome on Linux')).toBeVisible();
		await expect(page.getByLabel('Send notifications to my devices')).toBeChecked();

		await page.getByRole('button', { name: 'Turn off for this device' }).click();
		await expect(page.getByText('Chrome on Linux')).toHaveCount(0);
		await expect(page.getByText('None yet.')).toBeVisible();
	});

	test('quiet hours are saved, and half-filled ones are refused beside the field', async ({
		page
	}) => {
		await signIn(page, 'elif');
		await page.goto('/account/notifications');
		await page.getByLabel('From', { exact: true }).fill('21:00');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Give both times, or neither.')).toBeVisible();
		await expect(page.getByLabel('From', { exact: true })).toHaveValue('21:00');
		await page.getByLabel('To', { exact: true }).fill('07:30');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Saved.')).toBeVisible();
		await page.reload();
		await expect(page.getByLabel('To', { exact: true })).toHaveValue('07:30');
	});
});

test.describe('the push API refuses bad input', () => {
	const origin = DEMO_ORIGIN;
	const good = {
		endpoint: 'https://fcm.googleapis.com/fcm/send/e2e-device',
		keys: {
			p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'),
			auth: Buffer.alloc(16, 9).toString('base64url')
		}
	};

	test('with a reason, and stores nothing', async ({ as }) => {
		const page = await as('reece');
		const post = (data: unknown, headers: Record<string, string> = {}) =>
			page.request.post('/api/push', { data, headers: { origin, ...headers } });

		const cases: [string, unknown, RegExp][] = [
			['no keys', { endpoint: good.endpoint }, /not valid/],
			['short key', { ...good, keys: { ...good.keys, p256dh: 'abc' } }, /P-256/],
			['not a URL', { ...good, endpoint: 'javascript:alert(1)' }, /not valid/],
			[
				'a private address',
				{ ...good, endpoint: 'https://10.0.0.5/steal' },
				/push service Hearth can use/
			],
			['wrong type', { ...good, keys: 'nope' }, /not valid/]
		];
		for (const [name, body, reason] of cases) {
			const response = await post(body);
			expect(response.status(), name).toBe(400);
			expect((await response.json()).message, name).toMatch(reason);
		}
		const big = await post({ ...good, padding: 'x'.repeat(10_000) });
		expect(big.status()).toBe(400);
		expect((await big.json()).message).toMatch(/too large/);
		const notJson = await page.request.post('/api/push', {
			data: '{oops',
			headers: { origin, 'content-type': 'application/json' }
		});
		expect(notJson.status()).toBe(400);

		const crossSite = await page.request.post('/api/push', {
			data: good,
			headers: { origin: 'https://evil.example' }
		});
		expect(crossSite.status()).toBe(403);

		const unknown = await page.request.delete('/api/push', {
			data: { endpoint: 'https://fcm.googleapis.com/none' },
			headers: { origin }
		});
		expect(unknown.status()).toBe(404);

		await page.goto('/account/notifications');
		await expect(page.getByText('None yet.')).toBeVisible();

		expect((await post(good)).status()).toBe(201);
		await page.reload();
		await expect(page.getByText(/on Linux/)).toBeVisible();
	});
});

test('the service worker shows each safety alert apart and loudly, and folds other notices quietly (issue 18, item 11)', async ({
	page,
	context
}) => {
	await context.grantPermissions(['notifications'], { origin: DEMO_ORIGIN });
	await signIn(page, 'holly.brennan');
	await untilControlled(page);
	// Chromium's DevTools protocol hands the service worker a push as a push service would,
	// with the (decrypted) body shaped as lib/server/notify/push.ts makes it.
	const cdp = await context.newCDPSession(page);
	const registration = new Promise<string>((resolve) =>
		cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
			const ours = registrations.find((r) => r.scopeURL.startsWith(DEMO_ORIGIN) && !r.isDeleted);
			if (ours) resolve(ours.registrationId);
		})
	);
	await cdp.send('ServiceWorker.enable');
	const registrationId = await registration;
	const showing = () =>
		page.evaluate(async () => {
			const notes = await (await navigator.serviceWorker.ready).getNotifications();
			return notes
				.map((note) => ({
					tag: note.tag,
					url: (note.data as { url: string }).url,
					renotify: (note as Notification & { renotify?: boolean }).renotify,
					requireInteraction: note.requireInteraction
				}))
				.sort((a, b) => a.tag.localeCompare(b.tag));
		});
	// One at a time, each waited for on the screen: the worker handles pushes in parallel.
	const push = async (tag: string, url: string, loud: boolean) => {
		const body = { title: 'Hearth', body: 'Something', url, tag, renotify: loud };
		await cdp.send('ServiceWorker.deliverPushMessage', {
			origin: DEMO_ORIGIN,
			registrationId,
			data: JSON.stringify({ ...body, requireInteraction: loud, pad: '   ' })
		});
		// A busy machine may take a while to start the worker for the push: give it room.
		await expect
			.poll(async () => (await showing()).some((note) => note.url === url), { timeout: 20_000 })
			.toBe(true);
	};
	await push('alert-0123456789abcdef', '/work/alerts/one', true);
	await push('alert-fedcba9876543210', '/work/alerts/two', true);
	await push('new_message', '/work/statements/1', false);
	await push('new_message', '/work/statements/2', false);
	await expect.poll(showing).toEqual([
		{
			tag: 'alert-0123456789abcdef',
			url: '/work/alerts/one',
			renotify: true,
			requireInteraction: true
		},
		{
			tag: 'alert-fedcba9876543210',
			url: '/work/alerts/two',
			renotify: true,
			requireInteraction: true
		},
		{ tag: 'new_message', url: '/work/statements/2', renotify: false, requireInteraction: false }
	]);
	await cdp.detach();
});

test.describe('the contact push services are given (issue 18, item 14)', () => {
	// A Hearth of its own: this one starts with no contact at all, which the shared demo has.
	const hearth = new OwnHearth(port(32), 'push-contact', { VAPID_SUBJECT: '' });
	test.beforeAll(async () => {
		await hearth.start();
		hearth.execute('UPDATE council_settings SET email = NULL');
	});
	test.afterAll(() => hearth.stop());

	test('an admin is told pushes are off without a contact, and the warning goes once the council email is set', async ({
		browser
	}) => {
		const context = await browser.newContext({ baseURL: hearth.origin });
		const page = await context.newPage();
		await signIn(page, 'admin');
		await page.goto('/admin/settings');
		const warning = page.getByRole('heading', { name: 'Push notifications are not being sent' });
		await expect(warning).toBeVisible();
		await expect(page.getByText('Hearth has none. Enter the council')).toBeVisible();
		await expectAccessible(page);

		// An address that can never be reached is refused beside the field, and kept to correct.
		const email = page.getByLabel('Contact email');
		await email.fill('hearth@brightwater.invalid');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(email).toHaveAccessibleDescription(/ending in \.invalid can never get email/);
		await expect(email).toHaveValue('hearth@brightwater.invalid');
		await expect(warning).toBeVisible();

		await email.fill('hearth@brightwater.example');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByText('Settings saved.')).toBeVisible();
		await expect(warning).toHaveCount(0);
		await page.reload();
		await expect(warning).toHaveCount(0);
		await expect(page.getByLabel('Contact email')).toHaveValue('hearth@brightwater.example');
		await context.close();
	});
});
