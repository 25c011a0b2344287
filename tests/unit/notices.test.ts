import { describe, expect, it } from 'vitest';
import { inQuietHours, isUrgent, minutesUntilQuietEnds, ukMinuteOfDay } from '$lib/domain/notices';
import { deviceLabelFrom } from '$lib/server/notify/devices';
import { isAllowedPushEndpoint } from '$lib/server/notify/endpoints';
import {
	markAllNoticesRead,
	markNoticeRead,
	noticesFor,
	unreadCount
} from '$lib/server/notify/notices';
import { notify } from '$lib/server/notify/notify';
import { preferencesOf } from '$lib/server/notify/preferences';
import { freshDb, makeStaff, makeYoungPerson } from './db';

describe('quiet hours', () => {
	it('work over midnight and within a day', () => {
		expect(inQuietHours(22 * 60, '21:00', '07:30')).toBe(true);
		expect(inQuietHours(7 * 60 + 29, '21:00', '07:30')).toBe(true);
		expect(inQuietHours(7 * 60 + 30, '21:00', '07:30')).toBe(false);
		expect(inQuietHours(12 * 60, '13:00', '14:00')).toBe(false);
		expect(inQuietHours(13 * 60 + 30, '13:00', '14:00')).toBe(true);
		expect(inQuietHours(13 * 60, '09:00', '09:00')).toBe(false);
	});
	it('say how long until they end', () => {
		expect(minutesUntilQuietEnds(23 * 60, '21:00', '07:30')).toBe(8 * 60 + 30);
		expect(minutesUntilQuietEnds(12 * 60, '21:00', '07:30')).toBe(0);
	});
	it('use UK time, summer and winter', () => {
		expect(ukMinuteOfDay(new Date('2026-01-15T21:00:00Z'))).toBe(21 * 60);
		expect(ukMinuteOfDay(new Date('2026-07-15T21:00:00Z'))).toBe(22 * 60);
	});
	it('never hold back safety notices', () => {
		expect(isUrgent('safety_alert')).toBe(true);
		expect(isUrgent('safety_escalation')).toBe(true);
		expect(isUrgent('new_message')).toBe(false);
	});
});

describe('preferences', () => {
	it('default to no push for young people and push for staff', () => {
		const db = freshDb();
		expect(preferencesOf(db, makeYoungPerson(db, 'maya'), ['young_person']).pushEnabled).toBe(
			false
		);
		expect(preferencesOf(db, makeStaff(db, 'sam', ['worker']), ['worker']).pushEnabled).toBe(true);
	});
});

describe('in-app notices', () => {
	it('count unread, mark one or all read, and only the owner’s', () => {
		const db = freshDb();
		const sam = makeStaff(db, 'sam', ['worker']);
		const holly = makeStaff(db, 'holly', ['worker']);
		notify(db, [sam], 'new_message', '/work/a', new Date());
		notify(db, [sam], 'new_message', '/work/b', new Date());
		notify(db, [holly], 'new_message', '/work/c', new Date());
		expect(unreadCount(db, sam)).toBe(2);
		const [latest] = noticesFor(db, sam);
		expect(markNoticeRead(db, holly, latest.id, new Date())).toBeNull(); // not Holly's
		expect(unreadCount(db, sam)).toBe(2);
		expect(markNoticeRead(db, sam, latest.id, new Date())).toBe(latest.link);
		expect(unreadCount(db, sam)).toBe(1);
		expect(markAllNoticesRead(db, sam, new Date())).toBe(1);
		expect(unreadCount(db, sam)).toBe(0);
		expect(unreadCount(db, holly)).toBe(1);
	});
});

describe('push endpoints', () => {
	it('allow the browsers’ push services only', () => {
		expect(isAllowedPushEndpoint('https://fcm.googleapis.com/fcm/send/abc')).toBe(true);
		expect(isAllowedPushEndpoint('https://updates.push.services.mozilla.com/wpush/v2/abc')).toBe(
			true
		);
		expect(isAllowedPushEndpoint('https://web.push.apple.com/abc')).toBe(true);
		expect(isAllowedPushEndpoint('https://wns2-par02p.notify.windows.com/w/?token=abc')).toBe(true);
		expect(isAllowedPushEndpoint('http://fcm.googleapis.com/fcm/send/abc')).toBe(false);
		expect(isAllowedPushEndpoint('https://fcm.googleapis.com.evil.example/x')).toBe(false);
		expect(isAllowedPushEndpoint('https://10.0.0.5/admin')).toBe(false);
		expect(isAllowedPushEndpoint('not a url')).toBe(false);
	});
	// Found by an independent assessment: any port on an allowed host was accepted.
	it.each([
		['https://fcm.googleapis.com:443/fcm/send/abc', true],
		['https://fcm.googleapis.com:22/fcm/send/abc', false],
		['https://fcm.googleapis.com:8443/fcm/send/abc', false],
		['https://fcm.googleapis.com:80/fcm/send/abc', false],
		['https://web.push.apple.com:0/abc', false],
		['https://user:pass@fcm.googleapis.com/fcm/send/abc', false],
		['https://fcm.googleapis.com@10.0.0.5/x', false],
		['https://FCM.GOOGLEAPIS.COM/fcm/send/abc', true],
		['https://fcm.googleapis.com./fcm/send/abc', false],
		['wss://fcm.googleapis.com/fcm/send/abc', false],
		['https://xfcm.googleapis.com/abc', false]
	])('%s: %s', (endpoint, allowed) => {
		expect(isAllowedPushEndpoint(endpoint)).toBe(allowed);
	});
	it('allow this machine only when tests switch it on', () => {
		const before = process.env.HEARTH_PUSH_ALLOW_LOOPBACK;
		delete process.env.HEARTH_PUSH_ALLOW_LOOPBACK;
		expect(isAllowedPushEndpoint('https://127.0.0.1:8443/push/x')).toBe(false);
		process.env.HEARTH_PUSH_ALLOW_LOOPBACK = '1';
		expect(isAllowedPushEndpoint('https://127.0.0.1:8443/push/x')).toBe(true);
		if (before === undefined) delete process.env.HEARTH_PUSH_ALLOW_LOOPBACK;
		else process.env.HEARTH_PUSH_ALLOW_LOOPBACK = before;
	});
});

describe('device labels', () => {
	it('name the browser and system without keeping the whole user agent', () => {
		expect(
			deviceLabelFrom(
				'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36'
			)
		).toBe('Chrome on Android');
		expect(
			deviceLabelFrom(
				'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1'
			)
		).toBe('Safari on iPhone or iPad');
		expect(deviceLabelFrom('')).toBe('A browser on a device');
	});
});
