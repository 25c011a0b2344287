import webpush from 'web-push';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTICE_KINDS } from '$lib/domain/notices';
import { SHIPPED_LANGUAGES } from '$lib/domain/languages';
import { m } from '$lib/paraglide/messages';
import { jobs, pushSubscriptions, safetyAlerts } from '$lib/server/db/schema';
import { runDueJobs } from '$lib/server/jobs/runner';
import { jobHandlers } from '$lib/server/jobs/handlers';
import { saveSubscription } from '$lib/server/notify/devices';
import { notify, PUSH_JOB } from '$lib/server/notify/notify';
import { savePreferences } from '$lib/server/notify/preferences';
import {
	createWebPushSender,
	padPayload,
	pushMessage,
	PUSH_PAYLOAD_BYTES,
	retryAfterTime
} from '$lib/server/notify/push';
import { resetSubjectWarning, vapidSubject } from '$lib/server/notify/vapid';
import { acknowledgeSafetyAlert } from '$lib/server/voice/safety';
import { saveCouncilSettings, DEFAULT_SETTINGS } from '$lib/server/council/settings';
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
	const subscriptionId = saveSubscription(
		db,
		userId,
		{
			...device.subscription,
			deviceLabel: 'Chrome on Android'
		},
		new Date()
	);
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
		notify(db, [worker], 'new_message', '/work/statements/abc123', new Date());
		expect(unreadCount(db, worker)).toBe(1);
		expect(await run()).toBe(1);

		const [delivery] = deliveredTo(device);
		expect(JSON.parse(delivery.payload)).toEqual({
			title: 'Hearth',
			body: 'You have a new message in Hearth.',
			url: '/work/statements/abc123',
			tag: 'new_message',
			renotify: false,
			requireInteraction: false,
			pad: expect.stringMatching(/^ +$/)
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
		notify(db, [sam, gareth, sam], 'safety_alert', '/work/alerts/1', new Date());
		await run();
		for (const device of [phone, laptop, managerPhone]) expect(deliveredTo(device)).toHaveLength(1);
		expect(deliveredTo(phone)[0].urgency).toBe('high');
		expect(unreadCount(db, sam)).toBe(1);
	});

	it('sends young people nothing until they turn notifications on', async () => {
		const maya = makeYoungPerson(db, 'maya');
		const { device } = subscribe(maya);
		notify(db, [maya], 'new_reply', '/me/messages', new Date());
		expect(await run()).toBe(0);
		expect(deliveredTo(device)).toHaveLength(0);
		expect(noticesFor(db, maya)).toHaveLength(1); // still in the app

		savePreferences(db, maya, { pushEnabled: true, quietStart: null, quietEnd: null }, new Date());
		notify(db, [maya], 'new_reply', '/me/messages', new Date());
		await run();
		expect(deliveredTo(device)).toHaveLength(1);
	});

	it('holds pushes in quiet hours until they end, but not safety alerts to staff', async () => {
		const maya = makeYoungPerson(db, 'maya');
		const sam = makeStaff(db, 'sam', ['worker']);
		savePreferences(
			db,
			maya,
			{ pushEnabled: true, quietStart: '21:00', quietEnd: '07:30' },
			new Date()
		);
		savePreferences(
			db,
			sam,
			{ pushEnabled: true, quietStart: '21:00', quietEnd: '07:30' },
			new Date()
		);
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
		expect(() => notify(db, [sam], 'new_message', 'https://evil.example/', new Date())).toThrow();
		expect(() => notify(db, [sam], 'new_message', '//evil.example/', new Date())).toThrow();
		expect(unreadCount(db, sam)).toBe(0);
	});
});

describe('push delivery outcomes', () => {
	for (const gone of [404, 410]) {
		it(`forgets a device when the push service answers ${gone}`, async () => {
			const sam = makeStaff(db, 'sam', ['worker']);
			const { device, subscriptionId } = subscribe(sam);
			service.answerWith(device.id, gone);
			notify(db, [sam], 'new_message', '/work', new Date());
			await run();
			expect(
				db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).get()
			).toBeUndefined();
			const job = db.select().from(jobs).get()!;
			expect(job.doneAt).toBeInstanceOf(Date);
		});
	}

	for (const busy of [503, 500]) {
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
		notify(db, [sam], 'safety_alert', '/work', new Date());
		await runDueJobs(db, { handlers: recording, clock: () => new Date() });
		expect(posted).toEqual([]);
		expect(
			db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).get()
		).toBeUndefined();
	});

	it('drops a queued push quietly when the device was turned off meanwhile', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const { device, subscriptionId } = subscribe(sam);
		notify(db, [sam], 'new_message', '/work', new Date());
		db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).run();
		await run();
		expect(deliveredTo(device)).toHaveLength(0);
		expect(db.select().from(jobs).get()!.doneAt).toBeInstanceOf(Date);
	});
});

/** A safety alert about a young person, as raiseSafetyAlert stores it (without its escalation). */
function openAlert(id: string, now = new Date()): string {
	const maya = makeYoungPerson(db, `maya-${id}`);
	db.insert(safetyAlerts)
		.values({ id, youngPersonId: maya, source: 'button', clientKey: id, raisedAt: now })
		.run();
	return `/work/alerts/${id}`;
}

const pushJob = () => db.select().from(jobs).where(eq(jobs.kind, PUSH_JOB)).get()!;
const shown = (device: TestDevice) =>
	deliveredTo(device).map((d) => JSON.parse(d.payload) as Record<string, unknown>);

describe('pushes that wake people (issue 18, item 11)', () => {
	it('gives each safety alert its own tag, which its escalation shares, and makes both sound and stay', async () => {
		const sam = makeStaff(db, 'sam.okafor', ['worker']);
		const { device } = subscribe(sam);
		const first = openAlert('alert-one');
		const second = openAlert('alert-two');
		notify(db, [sam], 'safety_alert', first, new Date());
		notify(db, [sam], 'safety_alert', second, new Date());
		notify(db, [sam], 'safety_escalation', first, new Date());
		notify(db, [sam], 'new_message', '/work/statements/s1', new Date());
		notify(db, [sam], 'new_message', '/work/statements/s2', new Date());
		await run();
		const [alertOne, alertTwo, escalation, messageOne, messageTwo] = shown(device);
		// Two alerts: two notifications on the screen, not one replacing the other.
		expect(alertOne.tag).not.toBe(alertTwo.tag);
		// The escalation replaces its own alert's notification, and sounds again.
		expect(escalation.tag).toBe(alertOne.tag);
		for (const loud of [alertOne, alertTwo, escalation])
			expect(loud).toMatchObject({ renotify: true, requireInteraction: true });
		for (const quiet of [messageOne, messageTwo])
			expect(quiet).toMatchObject({
				tag: 'new_message',
				renotify: false,
				requireInteraction: false
			});
		// Nothing about anyone in a tag: not the alert's id, not a name.
		for (const { tag } of [alertOne, alertTwo]) expect(tag).toMatch(/^alert-[0-9a-f]{16}$/);
		expect(JSON.stringify([alertOne.tag, alertTwo.tag])).not.toMatch(/maya|sam|one|two/i);
	});
});

describe('pushes that say nothing (issue 18, item 13)', () => {
	it('pads every push to one length, whatever the kind, the link or whose device it is', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const maya = makeYoungPerson(db, 'maya');
		savePreferences(db, maya, { pushEnabled: true, quietStart: null, quietEnd: null }, new Date());
		const staffPhone = subscribe(sam).device;
		const childPhone = subscribe(maya).device;
		const alert = openAlert('a'.repeat(21));
		for (const kind of NOTICE_KINDS) {
			notify(db, [sam, maya], kind, kind.startsWith('safety') ? alert : '/me', new Date());
			notify(
				db,
				[sam, maya],
				kind,
				`/me/offer/${'setting-up-home-allowance'.repeat(3)}`,
				new Date()
			);
		}
		await run();
		const all = [...deliveredTo(staffPhone), ...deliveredTo(childPhone)];
		expect(all).toHaveLength(NOTICE_KINDS.length * 4);
		expect(new Set(all.map((d) => Buffer.byteLength(d.payload)))).toEqual(
			new Set([PUSH_PAYLOAD_BYTES])
		);
		// What the push service sees: one size for all (aes128gcm adds 86 + 17 bytes).
		expect(new Set(all.map((d) => d.recordBytes))).toEqual(new Set([PUSH_PAYLOAD_BYTES + 103]));
		expect(service.refused).toEqual([]);
	});

	it('fits the longest notice in every shipped language, and a link too long for it goes to the notices list', () => {
		for (const { code } of SHIPPED_LANGUAGES)
			for (const kind of NOTICE_KINDS) {
				const message = {
					...pushMessage(kind, `/work/alerts/${'x'.repeat(40)}`),
					body: m[`notice_${kind}`]({}, { locale: code })
				};
				expect(Buffer.byteLength(padPayload(message))).toBe(PUSH_PAYLOAD_BYTES);
			}
		const long = padPayload(pushMessage('new_message', `/work/statements/${'y'.repeat(2000)}`));
		expect(Buffer.byteLength(long)).toBe(PUSH_PAYLOAD_BYTES);
		expect(JSON.parse(long).url).toBe('/notices');
	});

	it('sends Urgency: high only for safety notices to staff, and never to a young person', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const maya = makeYoungPerson(db, 'maya');
		savePreferences(db, maya, { pushEnabled: true, quietStart: null, quietEnd: null }, new Date());
		const staffPhone = subscribe(sam).device;
		const childPhone = subscribe(maya).device;
		const alert = openAlert('urgent');
		notify(db, [sam, maya], 'safety_alert', alert, new Date());
		notify(db, [sam, maya], 'new_reply', '/me/messages', new Date());
		await run();
		expect(deliveredTo(staffPhone).map((d) => d.urgency)).toEqual(['high', 'normal']);
		expect(deliveredTo(childPhone).map((d) => d.urgency)).toEqual(['normal', 'normal']);
	});
});

describe('Retry-After, and safety pushes never given up (issue 18, item 12)', () => {
	const start = new Date('2026-11-22T12:00:00Z');
	const later = (ms: number) => new Date(start.getTime() + ms);

	it('waits as long as a 429 says, and the 429 uses up no try', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const { device } = subscribe(sam);
		service.answerWith(device.id, { status: 429, retryAfter: '120' }, { status: 429 });
		notify(db, [sam], 'new_message', '/work', start);
		await run(start);
		expect(pushJob()).toMatchObject({ attempts: 0, lastError: 'Push service answered 429' });
		expect(pushJob().runAt).toEqual(later(120_000));
		await run(later(119_000));
		expect(service.postedAt.filter((p) => p.deviceId === device.id)).toHaveLength(1);
		// A 429 without Retry-After still waits (the back-off), and still costs no try.
		await run(later(120_000));
		expect(pushJob()).toMatchObject({ attempts: 0 });
		expect(pushJob().runAt).toEqual(later(150_000));
		await run(later(150_000));
		expect(deliveredTo(device)).toHaveLength(1);
		expect(pushJob()).toMatchObject({ attempts: 1, doneAt: later(150_000) });
	});

	it('never gives up a push for being throttled while it is worth sending', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const { device } = subscribe(sam);
		service.answerWith(device.id, ...Array(12).fill({ status: 429, retryAfter: '60' }));
		notify(db, [sam], 'new_message', '/work', start);
		for (let i = 0; i < 12; i++) await run(pushJob().runAt);
		expect(pushJob()).toMatchObject({ attempts: 0, failedAt: null });
		await run(pushJob().runAt);
		expect(deliveredTo(device)).toHaveLength(1);
	});

	it('waits at least as long as a 503 says (seconds or a date), and the 503 counts as a try', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const { device } = subscribe(sam);
		service.answerWith(
			device.id,
			{ status: 503, retryAfter: '600' },
			{ status: 503, retryAfter: later(2 * 3_600_000).toUTCString() }
		);
		notify(db, [sam], 'new_message', '/work', start);
		await run(start);
		expect(pushJob()).toMatchObject({ attempts: 1 });
		expect(pushJob().runAt).toEqual(later(600_000));
		await run(later(600_000));
		expect(pushJob()).toMatchObject({ attempts: 2 });
		expect(pushJob().runAt).toEqual(later(2 * 3_600_000));
		await run(later(2 * 3_600_000));
		expect(deliveredTo(device)).toHaveLength(1);
	});

	it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
		expect(retryAfterTime('30', start)).toEqual(later(30_000));
		expect(retryAfterTime(later(90_000).toUTCString(), start)).toEqual(later(90_000));
		expect(retryAfterTime(new Date(0).toUTCString(), start)).toEqual(start);
		for (const nonsense of [undefined, '', 'soon', '-5'])
			expect(retryAfterTime(nonsense, start)).toBeNull();
	});

	it('keeps trying a safety push every hour while its alert is open, and stops once it is acknowledged', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const { device } = subscribe(sam);
		service.answerWith(device.id, ...Array(40).fill(500));
		const alert = openAlert('still-open', start);
		notify(db, [sam], 'safety_alert', alert, start);
		const tries: number[] = [];
		for (let i = 0; i < 12; i++) {
			tries.push(pushJob().runAt.getTime());
			await run(pushJob().runAt);
		}
		expect(pushJob()).toMatchObject({ attempts: 12, failedAt: null, doneAt: null });
		const gaps = tries.slice(1).map((t, i) => t - tries[i]);
		// The back-off (30 s doubling), then an hour apart, past the six tries a push has.
		expect(gaps.slice(0, 5)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
		expect(gaps.slice(-3)).toEqual([3_600_000, 3_600_000, 3_600_000]);

		acknowledgeSafetyAlert(db, sam, 'still-open', pushJob().runAt);
		await run(pushJob().runAt);
		expect(pushJob().failedAt).toBeInstanceOf(Date);
		expect(deliveredTo(device)).toHaveLength(0);
	});

	it('gives up an ordinary push after its six tries, as before', async () => {
		const sam = makeStaff(db, 'sam', ['worker']);
		const { device } = subscribe(sam);
		service.answerWith(device.id, ...Array(10).fill(500));
		notify(db, [sam], 'new_message', '/work', start);
		for (let i = 0; i < 8; i++) if (!pushJob().failedAt) await run(pushJob().runAt);
		expect(pushJob()).toMatchObject({ attempts: 6 });
		expect(pushJob().failedAt).toBeInstanceOf(Date);
	});
});

describe('the VAPID contact (issue 18, item 14)', () => {
	it('is VAPID_SUBJECT, or the council email; refused when missing or at .invalid', () => {
		const none = {};
		expect(vapidSubject('hearth@brightwater.example', none)).toEqual({
			ok: true,
			subject: 'mailto:hearth@brightwater.example',
			from: 'settings'
		});
		expect(
			vapidSubject('hearth@brightwater.example', { VAPID_SUBJECT: 'mailto:it@council.gov.uk' })
		).toMatchObject({ ok: true, subject: 'mailto:it@council.gov.uk', from: 'env' });
		expect(vapidSubject(null, { VAPID_SUBJECT: 'https://council.gov.uk/contact' })).toMatchObject({
			ok: true
		});
		expect(vapidSubject(null, none)).toEqual({ ok: false, problem: 'none' });
		expect(vapidSubject('  ', { VAPID_SUBJECT: ' ' })).toEqual({ ok: false, problem: 'none' });
		for (const [email, env] of [
			['hearth@example.invalid', none],
			['hearth@COUNCIL.INVALID.', none],
			[null, { VAPID_SUBJECT: 'mailto:hearth@example.invalid' }],
			['ok@council.gov.uk', { VAPID_SUBJECT: 'https://push.invalid/contact' }]
		] as const)
			expect(vapidSubject(email, env)).toMatchObject({ ok: false, problem: 'invalid' });
		for (const subject of ['hearth@council.gov.uk', 'mailto:nobody', 'http://council.gov.uk'])
			expect(vapidSubject(null, { VAPID_SUBJECT: subject })).toMatchObject({
				ok: false,
				problem: 'not-a-contact'
			});
	});

	it('refuses to push without a contact, says why once in the log, and sends once the council email is set', async () => {
		const saved = process.env.VAPID_SUBJECT;
		delete process.env.VAPID_SUBJECT;
		resetSubjectWarning();
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const admin = makeStaff(db, 'admin', ['admin']);
			const sam = makeStaff(db, 'sam', ['worker']);
			const { device } = subscribe(sam);
			notify(db, [sam], 'new_message', '/work/statements/1', new Date());
			notify(db, [sam], 'new_message', '/work/statements/2', new Date());
			await run();
			expect(service.postedAt.filter((p) => p.deviceId === device.id)).toEqual([]);
			const refused = db.select().from(jobs).all();
			expect(refused.map((job) => job.lastError)).toEqual([
				expect.stringMatching(/no contact for push services/),
				expect.stringMatching(/no contact for push services/)
			]);
			expect(
				logged.mock.calls.flat().filter((line) => /no push notifications/.test(String(line)))
			).toHaveLength(1);

			saveCouncilSettings(
				db,
				admin,
				{
					...DEFAULT_SETTINGS,
					name: 'Brightwater',
					phone: null,
					outOfHoursPhone: null,
					email: 'hearth@brightwater.example'
				},
				new Date()
			);
			await run(new Date(Date.now() + 60_000));
			expect(deliveredTo(device).map((d) => d.vapid.sub)).toEqual([
				'mailto:hearth@brightwater.example',
				'mailto:hearth@brightwater.example'
			]);
		} finally {
			process.env.VAPID_SUBJECT = saved;
			logged.mockRestore();
		}
	});

	it('refuses a .invalid VAPID_SUBJECT, the placeholder an old default used', async () => {
		const saved = process.env.VAPID_SUBJECT;
		process.env.VAPID_SUBJECT = 'mailto:hearth@example.invalid';
		resetSubjectWarning();
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const sam = makeStaff(db, 'sam', ['worker']);
			const { device } = subscribe(sam);
			notify(db, [sam], 'new_message', '/work', new Date());
			await run();
			expect(service.postedAt.filter((p) => p.deviceId === device.id)).toEqual([]);
			expect(pushJob().lastError).toMatch(/\.invalid address/);
			expect(String(logged.mock.calls[0]?.[0])).toMatch(/VAPID_SUBJECT/);
		} finally {
			process.env.VAPID_SUBJECT = saved;
			logged.mockRestore();
		}
	});
});
