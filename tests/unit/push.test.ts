import webpush from 'web-push';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobs, pushSubscriptions } from '$lib/server/db/schema';
import { runDueJobs } from '$lib/server/jobs/runner';
import { jobHandlers } from '$lib/server/jobs/handlers';
import { saveSubscription } from '$lib/server/notify/devices';
import { notify } from '$lib/server/notify/notify';
import { savePreferences } from '$lib/server/notify/preferences';
import { createWebPushSender } from '$lib/server/notify/push';
import { unreadCount, noticesFor } from '$lib/server/notify/notices';
import type { Db } from '$lib/server/db';
import { LocalPushService, type TestDevice } from '../support/push-service';
import { freshDb, makeStaff, makeYoungPerson } from './db';

// Our VAPID keys for this run; the local service checks every JWT against the key we send.
const keys = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = keys.publicKey;
process.env.VAPID_PRIVATE_KEY = keys.privateKey;
process.env.VAPID_SUBJECT = 'mailto:hearth@brightwater.example';
// The local push service is on this machine: Hearth posts there only when tests say so.
process.env.HEARTH_PUSH_ALLOW_LOOPBACK = '1';

const service = new LocalPushService();
beforeAll(() => service.start());
afterAll(() => service.stop());

let db: Db;
let handlers: ReturnType<typeof jobHandlers>;
beforeEach(() => {
	db = freshDb();
	handlers = jobHandlers({ pushSender: createWebPushSender(service.agent) });
});

function subscribe(userId: string): { device: TestDevice; subscriptionId: string } {
	const device = service.newDevice();
	const subscriptionId = saveSubscription(db, userId, {
		...device.subscription,
		deviceLabel: 'Chrome on Android'
	});
	return { device, subscriptionId };
}

const run = (now = new Date()) => runDueJobs(db, { handlers, clock: () => now });
const deliveredTo = (device: TestDevice) =>
	service.delivered.filter((d) => d.deviceId === device.id);

describe('notify', () => {
	it('records an in-app notice and delivers a push the device can decrypt, with nothing personal in it', async () => {
		const worker = makeStaff(db, 'sam.okafor', ['worker']);
		const { device } = subscribe(worker);
		// A statement from Maya about something worrying her: the push must say none of it.
		notify(db, [worker], 'new_message', '/work/statements/abc123');
		expect(unreadCount(db, worker)).toBe(1);
		expect(await run()).toBe(1);

		const [delivery] = deliveredTo(device);
		expect(JSON.parse(delivery.payload)).toEqual({
			title: 'Hearth',
			body: 'You have a new message in Hearth.',
			url: '/work/statements/abc123',
			tag: 'new_message'
		});
		expect(delivery.payload).not.toMatch(/maya|sam|okafor|worr/i);
		expect(delivery.vapid.sub).toBe('mailto:hearth@brightwater.example');
		expect(delivery.urgency).toBe('normal');
		expect(service.refused).toEqual([]);
		const row = db
			.select()
			.from(pushSubscriptions)
			.where(eq(pushSubscriptions.userId, worker))
			.get();
		expect(row?.lastSuccessAt).toBeInstanceOf(Date);
	});

	it('reaches every device of every recipient once', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const gareth = makeStaff(db, 'gareth', ['manager']);
		const phone = subscribe(sam).device;
		const laptop = subscribe(sam).device;
		const managerPhone = subscribe(gareth).device;
		notify(db, [sam, gareth, sam], 'safety_alert', '/work/alerts/1');
		await run();
		for (const device of [phone, laptop, managerPhone]) expect(deliveredTo(device)).toHaveLength(1);
		expect(deliveredTo(phone)[0].urgency).toBe('high');
		expect(unreadCount(db, sam)).toBe(1);
	});

	it('sends young people nothing until they turn notifications on', async () => {
		const maya = makeYoungPerson(db, 'maya');
		const { device } = subscribe(maya);
		notify(db, [maya], 'new_reply', '/me/messages');
		expect(await run()).toBe(0);
		expect(deliveredTo(device)).toHaveLength(0);
		expect(noticesFor(db, maya)).toHaveLength(1); // still in the app

		savePreferences(db, maya, { pushEnabled: true, quietStart: null, quietEnd: null });
		notify(db, [maya], 'new_reply', '/me/messages');
		await run();
		expect(deliveredTo(device)).toHaveLength(1);
	});

	it('holds pushes in quiet hours until they end, but not safety alerts to staff', async () => {
		const maya = makeYoungPerson(db, 'maya');
		const sam = makeStaff(db, 'sam', ['worker']);
		savePreferences(db, maya, { pushEnabled: true, quietStart: '21:00', quietEnd: '07:30' });
		savePreferences(db, sam, { pushEnabled: true, quietStart: '21:00', quietEnd: '07:30' });
		const child = subscribe(maya).device;
		const worker = subscribe(sam).device;
		// 23:00 in London in winter is 23:00 UTC.
		const lateEvening = new Date('2026-11-22T23:00:00Z');
		notify(db, [maya], 'new_reply', '/me/messages', lateEvening);
		notify(db, [sam], 'safety_alert', '/work/alerts/9', lateEvening);
		await run(lateEvening);
		expect(deliveredTo(child)).toHaveLength(0);
		expect(deliveredTo(worker)).toHaveLength(1);

		await run(new Date('2026-11-23T07:29:00Z'));
		expect(deliveredTo(child)).toHaveLength(0);
		await run(new Date('2026-11-23T07:30:00Z'));
		expect(deliveredTo(child)).toHaveLength(1);
	});

	it('refuses links that leave Hearth', () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		expect(() => notify(db, [sam], 'new_message', 'https://evil.example/')).toThrow();
		expect(() => notify(db, [sam], 'new_message', '//evil.example/')).toThrow();
		expect(unreadCount(db, sam)).toBe(0);
	});
});

describe('push delivery outcomes', () => {
	for (const gone of [404, 410]) {
		it(`forgets a device when the push service answers ${gone}`, async () => {
			const sam = makeStaff(db, 'sam', ['worker']);
			const { device, subscriptionId } = subscribe(sam);
			service.answerWith(device.id, gone);
			notify(db, [sam], 'new_message', '/work');
			await run();
			expect(
				db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).get()
			).toBeUndefined();
			const job = db.select().from(jobs).get()!;
			expect(job.doneAt).toBeInstanceOf(Date);
		});
	}

	for (const busy of [429, 500]) {
		it(`retries with back-off after ${busy}, then delivers`, async () => {
			const sam = makeStaff(db, 'sam', ['worker']);
			const { device } = subscribe(sam);
			service.answerWith(device.id, busy, busy);
			const start = new Date('2026-11-22T12:00:00Z');
			notify(db, [sam], 'new_message', '/work', start);
			await run(start);
			let job = db.select().from(jobs).get()!;
			expect(job).toMatchObject({
				attempts: 1,
				lastError: `Push service answered ${busy}`,
				doneAt: null
			});
			expect(job.runAt.getTime() - start.getTime()).toBe(30_000);

			await run(new Date(start.getTime() + 10_000)); // not yet
			expect(db.select().from(jobs).get()!.attempts).toBe(1);
			await run(new Date(start.getTime() + 30_000));
			job = db.select().from(jobs).get()!;
			expect(job.attempts).toBe(2);
			expect(job.runAt.getTime() - start.getTime()).toBe(30_000 + 60_000);
			await run(new Date(start.getTime() + 90_000));
			expect(deliveredTo(device)).toHaveLength(1);
			expect(db.select().from(jobs).get()!.doneAt).toBeInstanceOf(Date);
		});
	}

	it('gives up after a bound and records why', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const { device, subscriptionId } = subscribe(sam);
		service.answerWith(device.id, ...Array(10).fill(500));
		let now = new Date('2026-11-22T12:00:00Z');
		notify(db, [sam], 'new_message', '/work', now);
		for (let i = 0; i < 10; i++) {
			await run(now);
			now = new Date(now.getTime() + 2 * 60 * 60 * 1000);
		}
		const job = db.select().from(jobs).get()!;
		expect(job).toMatchObject({
			attempts: 6,
			lastError: 'Push service answered 500',
			doneAt: null
		});
		expect(job.failedAt).toBeInstanceOf(Date);
		expect(deliveredTo(device)).toHaveLength(0);
		// The device is kept: a server error says nothing about the subscription.
		expect(
			db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).get()
		).toBeDefined();
	});

	it('never posts to a device kept under an older, looser rule (a push host on port 22), and forgets it', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const { subscriptionId } = subscribe(sam);
		db.update(pushSubscriptions)
			.set({ endpoint: 'https://fcm.googleapis.com:22/fcm/send/abc' })
			.where(eq(pushSubscriptions.id, subscriptionId))
			.run();
		const posted: string[] = [];
		const recording = jobHandlers({
			pushSender: async (subscription) => {
				posted.push(subscription.endpoint);
				return { statusCode: 201 };
			}
		});
		notify(db, [sam], 'safety_alert', '/work');
		await runDueJobs(db, { handlers: recording, clock: () => new Date() });
		expect(posted).toEqual([]);
		expect(
			db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).get()
		).toBeUndefined();
	});

	it('drops a queued push quietly when the device was turned off meanwhile', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const { device, subscriptionId } = subscribe(sam);
		notify(db, [sam], 'new_message', '/work');
		db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).run();
		await run();
		expect(deliveredTo(device)).toHaveLength(0);
		expect(db.select().from(jobs).get()!.doneAt).toBeInstanceOf(Date);
	});
});
