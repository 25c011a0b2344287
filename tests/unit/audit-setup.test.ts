import { describe, expect, it } from 'vitest';
import { recordAudit, searchAudit } from '$lib/server/audit/log';
import { completeSetup, isSetUp } from '$lib/server/accounts/setup';
import { getCouncilSettings, saveCouncilSettings } from '$lib/server/council/settings';
import { rolesOf } from '$lib/server/auth/session';
import { freshDb, makeStaff, makeYoungPerson } from './db';

describe('audit log', () => {
	it('cannot be changed or deleted, even with SQL', () => {
		const db = freshDb();
		const admin = makeStaff(db, 'admin', ['admin']);
		recordAudit(db, { actorId: admin, action: 'signed_in' }, new Date());
		expect(() => db.$client.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(
			/append-only/
		);
		expect(() => db.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
		expect(searchAudit(db, {}).entries).toHaveLength(1);
	});

	it('is searched by person, action and dates, newest first, a page at a time', () => {
		const db = freshDb();
		const sam = makeStaff(db, 'sam.okafor', ['worker']);
		const maya = makeYoungPerson(db, 'maya');
		for (let day = 1; day <= 60; day++) {
			recordAudit(
				db,
				{ actorId: sam, action: 'young_person.viewed', subjectUserId: maya },
				new Date(Date.UTC(2026, 0, day, 12))
			);
		}
		recordAudit(db, { actorId: maya, action: 'signed_in' }, new Date(Date.UTC(2026, 0, 15, 9)));

		const bySam = searchAudit(db, { person: 'okafor' });
		expect(bySam.entries).toHaveLength(50);
		expect(bySam.hasMore).toBe(true);
		expect(bySam.entries[0].at).toEqual(new Date(Date.UTC(2026, 2, 1, 12)));
		expect(searchAudit(db, { person: 'okafor', page: 2 }).entries).toHaveLength(10);

		// Matching the subject too: Maya's own sign-in and every read of her record.
		expect(searchAudit(db, { person: 'maya' }).entries.length).toBe(50);
		expect(searchAudit(db, { action: 'signed_in' }).entries).toHaveLength(1);
		expect(searchAudit(db, { from: '2026-01-10', to: '2026-01-12' }).entries).toHaveLength(3);
		// LIKE wildcards typed in the box are taken literally.
		expect(searchAudit(db, { person: '%' }).entries).toHaveLength(0);
	});
});

describe('first-run setup', () => {
	it('creates the first admin and the council once only', async () => {
		const db = freshDb();
		expect(isSetUp(db)).toBe(false);
		expect(getCouncilSettings(db)).toBeNull();
		const first = await completeSetup(
			db,
			{
				councilName: 'Riverside Council',
				displayName: 'Alex Morgan',
				username: 'Alex',
				password: 'correct horse battery'
			},
			new Date()
		);
		expect(first.ok).toBe(true);
		expect(isSetUp(db)).toBe(true);
		expect(first.ok && rolesOf(db, first.userId)).toEqual(['admin']);
		expect(getCouncilSettings(db)?.name).toBe('Riverside Council');
		const second = await completeSetup(
			db,
			{
				councilName: 'Takeover',
				displayName: 'Mallory',
				username: 'mallory',
				password: 'correct horse battery'
			},
			new Date()
		);
		expect(second).toEqual({ ok: false, reason: 'already_set_up' });
		expect(getCouncilSettings(db)?.name).toBe('Riverside Council');
	});

	it('saves settings over the one row', () => {
		const db = freshDb();
		const admin = makeStaff(db, 'admin', ['admin']);
		const base = {
			name: 'A',
			primaryColour: '#1f5f5b',
			accentColour: '#b4451f',
			phone: null,
			outOfHoursPhone: null,
			email: null,
			quickExitUrl: 'https://www.bbc.co.uk/weather',
			alertMinutes: 30,
			smallNumberThreshold: 6,
			staffIdleMinutes: 30,
			staffSessionHours: 12,
			requireSecondFactor: false,
			retentionMonths: 24
		};
		saveCouncilSettings(db, admin, base, new Date());
		saveCouncilSettings(
			db,
			admin,
			{ ...base, name: 'B', outOfHoursPhone: '01632 960 999' },
			new Date()
		);
		expect(getCouncilSettings(db)).toMatchObject({
			id: 1,
			name: 'B',
			outOfHoursPhone: '01632 960 999'
		});
		expect(searchAudit(db, { action: 'settings.changed' }).entries).toHaveLength(2);
	});
});
