import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setAccountDisabled, setStaffRoles, wouldLoseAdmin } from '$lib/server/accounts/accounts';
import { rolesOf } from '$lib/server/auth/session';
import { erasePerson } from '$lib/server/privacy/records';
import { auditLog, users } from '$lib/server/db/schema';
import type { Db } from '$lib/server/db/client';
import { freshDb, makeStaff } from './db';

const NOW = new Date('2026-03-02T10:00:00Z');
const refused = { ok: false, refused: 'keeps_an_admin' };

const account = (db: Db, id: string) => db.select().from(users).where(eq(users.id, id)).get()!;
const audited = (db: Db, action: string) =>
	db.select().from(auditLog).where(eq(auditLog.action, action)).all().length;

describe('the council keeps an admin', () => {
	it('refuses an admin taking away their own administration, in each way, and changes nothing', () => {
		const db = freshDb();
		const priya = makeStaff(db, 'priya', ['admin', 'worker']);
		makeStaff(db, 'omar', ['admin']);
		expect(setStaffRoles(db, priya, priya, ['worker'], NOW)).toEqual(refused);
		expect(rolesOf(db, priya).sort()).toEqual(['admin', 'worker']);
		expect(setAccountDisabled(db, priya, priya, true, NOW)).toEqual(refused);
		expect(account(db, priya).disabledAt).toBeNull();
		expect(erasePerson(db, priya, priya, 'data.erased', NOW)).toEqual(refused);
		expect(account(db, priya)).toMatchObject({ username: 'priya', erasedAt: null });
		expect(audited(db, 'roles.changed') + audited(db, 'account.disabled')).toBe(0);
		expect(audited(db, 'data.erased')).toBe(0);
	});

	it('lets an admin change their own other roles, keeping admin', () => {
		const db = freshDb();
		const priya = makeStaff(db, 'priya', ['admin']);
		expect(setStaffRoles(db, priya, priya, ['admin', 'manager'], NOW)).toEqual({ ok: true });
		expect(rolesOf(db, priya).sort()).toEqual(['admin', 'manager']);
	});

	it("lets an admin take away another admin's administration while they remain", () => {
		const db = freshDb();
		const priya = makeStaff(db, 'priya', ['admin']);
		const omar = makeStaff(db, 'omar', ['admin', 'worker']);
		const dee = makeStaff(db, 'dee', ['admin']);
		expect(setStaffRoles(db, priya, omar, ['worker'], NOW)).toEqual({ ok: true });
		expect(rolesOf(db, omar)).toEqual(['worker']);
		expect(setAccountDisabled(db, priya, dee, true, NOW)).toEqual({ ok: true });
		expect(account(db, dee).disabledAt).toEqual(NOW);
		expect(setAccountDisabled(db, priya, dee, false, NOW)).toEqual({ ok: true });
		expect(erasePerson(db, priya, dee, 'data.erased', NOW)).toEqual({ ok: true });
		expect(account(db, dee).erasedAt).toEqual(NOW);
	});

	it('never takes away the last admin who can sign in, whoever asks', () => {
		const db = freshDb();
		const priya = makeStaff(db, 'priya', ['admin']);
		const gone = makeStaff(db, 'gone', ['admin']);
		const worker = makeStaff(db, 'sam', ['worker']);
		setAccountDisabled(db, priya, gone, true, NOW);
		// A switched-off admin cannot undo anything: priya is the last one.
		expect(wouldLoseAdmin(db, null, priya, 'disable')).toBe(true);
		expect(wouldLoseAdmin(db, gone, priya, { roles: ['worker'] })).toBe(true);
		expect(erasePerson(db, null, priya, 'data.erased', NOW)).toEqual(refused);
		expect(setStaffRoles(db, worker, priya, ['worker'], NOW)).toEqual(refused);
		expect(setAccountDisabled(db, worker, priya, true, NOW)).toEqual(refused);
		expect(account(db, priya)).toMatchObject({ disabledAt: null, erasedAt: null });
		// Not an admin change at all: nothing to keep.
		expect(wouldLoseAdmin(db, null, worker, 'erase')).toBe(false);
		expect(wouldLoseAdmin(db, worker, worker, 'disable')).toBe(false);
		expect(wouldLoseAdmin(db, null, priya, { roles: ['admin', 'worker'] })).toBe(false);
	});
});
