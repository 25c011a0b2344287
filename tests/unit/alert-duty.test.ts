import { describe, expect, it } from 'vitest';
import { auditLog, safetyAlertNotes } from '$lib/server/db/schema';
import { runDueJobs } from '$lib/server/jobs/runner';
import { jobHandlers } from '$lib/server/jobs/handlers';
import { alertContacts, setDuty, setWorkPhone } from '$lib/server/voice/people';
import {
	acknowledgeSafetyAlert,
	addSafetyAlertNote,
	closeSafetyAlert,
	myAlerts,
	raiseSafetyAlert,
	safetyAlert,
	safetyAlertNotesOf,
	safetyAlertStillOpen
} from '$lib/server/voice/safety';
import { alertsFor, workerInbox } from '$lib/server/voice/inbox';
import { workPhoneSchema } from '$lib/server/accounts/account-schemas';
import { alertNoteSchema, closeAlertSchema } from '$lib/server/voice/schemas';
import { freshDb, makeStaff, makeYoungPerson } from './db';

const T0 = new Date('2026-11-22T02:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function council() {
	const db = freshDb();
	const sam = makeStaff(db, 'sam', ['worker']);
	const holly = makeStaff(db, 'holly', ['worker']);
	const duty = makeStaff(db, 'duty', ['manager']);
	const offDuty = makeStaff(db, 'offduty', ['manager']);
	setDuty(db, duty, true, T0);
	const maya = makeYoungPerson(
		db,
		'maya',
		[{ staffUserId: sam, linkType: 'social_worker' }],
		new Date('2026-01-01T00:00:00Z')
	);
	return { db, sam, holly, duty, offDuty, maya };
}

const run = (db: ReturnType<typeof freshDb>, minutes: number) =>
	runDueJobs(db, {
		handlers: jobHandlers(),
		clock: () => later(minutes)
	});

const audited = (db: ReturnType<typeof freshDb>) =>
	db
		.select({ action: auditLog.action })
		.from(auditLog)
		.all()
		.map((row) => row.action);

describe('every manager sees every open alert (issue 18, item 1)', () => {
	it('puts the alert in every manager’s inbox, linked or not, on duty or not; not in an unlinked worker’s', () => {
		const { db, sam, holly, duty, offDuty, maya } = council();
		const { id } = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-1' }, T0);
		for (const manager of [duty, offDuty])
			expect(workerInbox(db, manager, {}, later(1), ['manager']).alerts.map((a) => a.id)).toEqual([
				id
			]);
		expect(workerInbox(db, sam, {}, later(1), ['worker']).alerts.map((a) => a.id)).toEqual([id]);
		expect(workerInbox(db, holly, {}, later(1), ['worker']).alerts).toEqual([]);
		expect(alertsFor(db, { id: holly, roles: ['worker'] }, later(1))).toEqual([]);
	});

	it('keeps an acknowledged alert at the top, named, until it is closed; unacknowledged first', () => {
		const { db, sam, duty, maya } = council();
		const first = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-1' }, T0);
		const second = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-2' }, later(5));
		acknowledgeSafetyAlert(db, sam, first.id, later(6));
		const shown = alertsFor(db, { id: duty, roles: ['manager'] }, later(7));
		expect(shown.map((a) => [a.id, a.acknowledgedBy])).toEqual([
			[second.id, null],
			[first.id, 'sam']
		]);
		closeSafetyAlert(db, sam, first.id, { outcome: 'spoke_safe', note: 'Rang her.' }, later(8));
		expect(alertsFor(db, { id: duty, roles: ['manager'] }, later(9)).map((a) => a.id)).toEqual([
			second.id
		]);
	});
});

describe('the alert page a duty manager needs (issue 18, item 2)', () => {
	it('names each person told, and why, at raising and at each escalation', async () => {
		const { db, maya } = council();
		const { id } = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-1' }, T0);
		await run(db, 30);
		const events = safetyAlert(db, id)!.events;
		expect(events.map((e) => [e.kind, e.told.map((t) => `${t.name}:${t.reason}`)])).toEqual([
			['raised', []],
			['told', ['duty:on_duty', 'sam:worker']],
			['escalated', ['duty:manager', 'offduty:manager', 'sam:worker']]
		]);
		expect(events[2].at).toEqual(later(30));
	});

	it('names every manager, as a manager, when nobody is on duty', () => {
		const { db, duty, maya } = council();
		setDuty(db, duty, false, T0);
		const { id } = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-1' }, T0);
		expect(safetyAlert(db, id)!.events[1].told.map((t) => `${t.name}:${t.reason}`)).toEqual([
			'duty:manager',
			'offduty:manager',
			'sam:worker'
		]);
	});

	it('seals notes, names their author and time, and audits them', () => {
		const { db, duty, maya } = council();
		const { id } = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-1' }, T0);
		expect(addSafetyAlertNote(db, duty, id, 'Rang the carer at 02:10.', later(10))).toBe(true);
		const stored = db.select().from(safetyAlertNotes).get()!;
		expect(stored.bodySealed).not.toContain('carer');
		expect(safetyAlertNotesOf(db, id)).toMatchObject([
			{ author: 'duty', at: later(10), body: 'Rang the carer at 02:10.' }
		]);
		expect(audited(db)).toContain('alert.noted');
		expect(addSafetyAlertNote(db, duty, 'no-such-alert', 'x', later(11))).toBe(false);
	});

	it('closing acknowledges too, stops escalation, and a second close changes nothing', async () => {
		const { db, duty, maya } = council();
		const { id } = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-1' }, T0);
		const link = `/work/alerts/${id}`;
		expect(safetyAlertStillOpen(db, link)).toBe(true);
		const close = (minutes: number) =>
			closeSafetyAlert(
				db,
				duty,
				id,
				{ outcome: 'visited', note: 'Went round; she is safe.' },
				later(minutes)
			);
		expect(close(10)).toBe(true);
		expect(close(11)).toBe(false);
		const alert = safetyAlert(db, id)!;
		expect(alert).toMatchObject({
			acknowledgedAt: later(10),
			closedAt: later(10),
			outcome: 'visited'
		});
		expect(alert.events.map((e) => e.kind)).toEqual([
			'raised',
			'told',
			'acknowledged',
			'noted',
			'closed'
		]);
		expect(safetyAlertStillOpen(db, link)).toBe(false);
		expect(safetyAlertNotesOf(db, id)).toHaveLength(1);
		expect(
			audited(db)
				.filter((a) => a.startsWith('alert.'))
				.sort()
		).toEqual(['alert.acknowledged', 'alert.closed', 'alert.noted']);
		await run(db, 60);
		expect(safetyAlert(db, id)!.escalationStep).toBe(0);
	});

	it('keeps "still open" meaning nobody has acknowledged it, closed or not', () => {
		const { db, sam, maya } = council();
		const { id } = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-1' }, T0);
		acknowledgeSafetyAlert(db, sam, id, later(2));
		expect(safetyAlertStillOpen(db, `/work/alerts/${id}`)).toBe(false);
		expect(safetyAlert(db, id)!.closedAt).toBeNull();
	});

	it('tells the young person seen and dealt with, and nothing about who or what', () => {
		const { db, sam, maya } = council();
		const { id } = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-1' }, T0);
		expect(myAlerts(db, maya)).toEqual([
			{ id, raisedAt: T0, seen: false, dealtWith: false, raisedForThem: false }
		]);
		acknowledgeSafetyAlert(db, sam, id, later(2));
		expect(myAlerts(db, maya)[0]).toMatchObject({ seen: true, dealtWith: false });
		closeSafetyAlert(db, sam, id, { outcome: 'other', note: 'Secret staff words' }, later(3));
		expect(myAlerts(db, maya)).toEqual([
			{ id, raisedAt: T0, seen: true, dealtWith: true, raisedForThem: false }
		]);
		expect(myAlerts(db, 'someone-else', id)).toEqual([]);
	});

	it('lists the young person’s workers with the work phone each has given', () => {
		const { db, sam, holly, maya } = council();
		expect(alertContacts(db, maya, '2026-11-22')).toEqual([
			{ id: sam, name: 'sam', linkType: 'social_worker', workPhone: null }
		]);
		setWorkPhone(db, sam, sam, '01632 960 318', T0);
		expect(alertContacts(db, maya, '2026-11-22')[0].workPhone).toBe('01632 960 318');
		expect(alertContacts(db, maya, '2026-11-22').map((c) => c.id)).not.toContain(holly);
		expect(audited(db)).toContain('work_phone.changed');
	});
});

describe('the forms’ rules', () => {
	it('refuses an empty or too long note, and an unknown outcome', () => {
		expect(alertNoteSchema.safeParse({ note: '   ' }).success).toBe(false);
		expect(alertNoteSchema.safeParse({ note: 'x'.repeat(2001) }).success).toBe(false);
		expect(alertNoteSchema.parse({ note: '  Rang her.  ' })).toEqual({ note: 'Rang her.' });
		expect(closeAlertSchema.safeParse({ outcome: 'shrugged', closeNote: 'x' }).success).toBe(false);
		expect(closeAlertSchema.safeParse({ outcome: '', closeNote: 'x' }).success).toBe(false);
	});

	it('checks a work phone as the council’s numbers are checked', () => {
		expect(workPhoneSchema.parse({ workPhone: ' 01632 960 214 ' })).toEqual({
			workPhone: '01632 960 214'
		});
		expect(workPhoneSchema.parse({ workPhone: '' })).toEqual({ workPhone: null });
		for (const bad of ['call me', '12', '0'.repeat(31), '01632-960-214'])
			expect(workPhoneSchema.safeParse({ workPhone: bad }).success).toBe(false);
	});
});
