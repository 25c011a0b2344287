import { generateHOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import {
	createSession,
	DEFAULT_SESSION_POLICY,
	generateSessionToken,
	secondFactorState,
	validateSessionToken,
	type EndedBecause
} from '$lib/server/auth/session';
import {
	disableTotp,
	enableTotp,
	newTotpSecret,
	recoveryCodesLeft,
	secondFactorAfterPassword,
	useRecoveryCode,
	verifyTotp
} from '$lib/server/auth/second-factor';
import { unseal } from '$lib/server/crypto/seal';
import {
	createResetCode,
	lookUpInvitation,
	redeemInvitation,
	redeemResetCode
} from '$lib/server/accounts/invitations';
import { setStaffRoles } from '$lib/server/accounts/accounts';
import { verifyPassword } from '$lib/server/auth/password';
import { auditLog, invitations, notices, sessions, users } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import type { ResetReason } from '$lib/domain/reset-codes';
import { freshDb, makeStaff, makeYoungPerson } from './db';

const MINUTE = 60_000;

/** The code an authenticator app would show at this moment for a sealed secret. */
function appCode(sealedKey: string, at: Date, stepsAhead = 0) {
	const key = Buffer.from(unseal(sealedKey), 'hex');
	return generateHOTP(key, BigInt(Math.floor(at.getTime() / 30_000) + stepsAhead), 6);
}

describe('staff session timeouts', () => {
	const start = new Date('2026-11-23T09:00:00Z');
	const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

	function check(db: ReturnType<typeof freshDb>, token: string, when: Date) {
		let ended: EndedBecause | null = null;
		const result = validateSessionToken(db, token, when, DEFAULT_SESSION_POLICY, (because) => {
			ended = because;
		});
		return { result, ended };
	}

	it('ends a staff session after 30 idle minutes, and says why', () => {
		const db = freshDb();
		const token = generateSessionToken();
		createSession(db, token, makeStaff(db, 'sam', ['worker']), start);
		expect(check(db, token, at(29)).result).not.toBeNull();
		// Used at 29 minutes, so idle counts from then.
		expect(check(db, token, at(58)).result).not.toBeNull();
		const late = check(db, token, at(89));
		expect(late.result).toBeNull();
		expect(late.ended).toBe('idle');
		// Gone from the database, not just refused.
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('ends a busy staff session at the absolute limit (12 hours by default)', () => {
		const db = freshDb();
		const token = generateSessionToken();
		createSession(db, token, makeStaff(db, 'sam', ['worker']), start);
		for (let minutes = 20; minutes < 12 * 60; minutes += 20)
			expect(check(db, token, at(minutes)).result, `at ${minutes}`).not.toBeNull();
		const over = check(db, token, at(12 * 60));
		expect(over.result).toBeNull();
		expect(over.ended).toBe('limit');
	});

	it('follows the council setting, and leaves young people signed in on their phone', () => {
		const db = freshDb();
		const staffToken = generateSessionToken();
		const youngToken = generateSessionToken();
		createSession(db, staffToken, makeStaff(db, 'sam', ['worker']), start);
		createSession(db, youngToken, makeYoungPerson(db, 'maya'), start);
		const policy = { ...DEFAULT_SESSION_POLICY, staffIdleMs: 10 * MINUTE };
		expect(validateSessionToken(db, staffToken, at(11), policy)).toBeNull();
		expect(validateSessionToken(db, youngToken, at(3 * 24 * 60), policy)).not.toBeNull();
	});
});

describe('second factor', () => {
	it('turns on only with a right code, and then every sign-in needs one', () => {
		const db = freshDb();
		const admin = makeStaff(db, 'priya', ['admin']);
		const now = new Date();
		const secret = newTotpSecret('Hearth Test', 'priya');
		expect(secret.uri).toMatch(/^otpauth:\/\/totp\//);
		expect(secret.qrSvg).toContain('<svg');
		expect(enableTotp(db, admin, secret.sealedKey, '000000', now).ok).toBe(false);
		expect(secondFactorAfterPassword(db, admin, ['admin'])).toBeNull();
		const on = enableTotp(db, admin, secret.sealedKey, appCode(secret.sealedKey, now), now);
		expect(on.ok).toBe(true);
		expect(secondFactorAfterPassword(db, admin, ['admin'])).toBe('needed');
		// The key is stored sealed, never as given.
		const stored = db.select().from(users).where(eq(users.id, admin)).get()!;
		expect(stored.totpKey).not.toContain(unseal(secret.sealedKey));

		// A session made before the code is "needed" until the second factor is done.
		const token = generateSessionToken();
		createSession(db, token, admin, now);
		expect(validateSessionToken(db, token, now)?.secondFactor).toBe('needed');
	});

	it('accepts a code once only, and a step either side for a slow phone clock', () => {
		const db = freshDb();
		const user = makeStaff(db, 'gareth', ['manager']);
		const t0 = new Date('2026-11-23T10:00:10Z');
		const secret = newTotpSecret('Hearth Test', 'gareth');
		expect(enableTotp(db, user, secret.sealedKey, appCode(secret.sealedKey, t0), t0).ok).toBe(true);
		const t1 = new Date(t0.getTime() + 60_000);
		const code = appCode(secret.sealedKey, t1);
		expect(verifyTotp(db, user, code, t1)).toBe(true);
		expect(verifyTotp(db, user, code, t1), 'the same code again').toBe(false);
		const t2 = new Date(t1.getTime() + 120_000);
		expect(verifyTotp(db, user, appCode(secret.sealedKey, t2, -1), t2)).toBe(true);
		const t3 = new Date(t2.getTime() + 120_000);
		expect(verifyTotp(db, user, appCode(secret.sealedKey, t3, 3), t3), 'far ahead').toBe(false);
		expect(verifyTotp(db, user, 'abcdef', t3)).toBe(false);
	});

	it('gives ten recovery codes that each work once; an admin can take the app off', () => {
		const db = freshDb();
		const user = makeStaff(db, 'nadia', ['manager']);
		const admin = makeStaff(db, 'priya', ['admin']);
		const now = new Date();
		const secret = newTotpSecret('Hearth Test', 'nadia');
		const on = enableTotp(db, user, secret.sealedKey, appCode(secret.sealedKey, now), now);
		if (!on.ok) throw new Error('not enabled');
		expect(on.recoveryCodes).toHaveLength(10);
		expect(new Set(on.recoveryCodes).size).toBe(10);
		expect(useRecoveryCode(db, user, on.recoveryCodes[3].toLowerCase(), now)).toBe(true);
		expect(useRecoveryCode(db, user, on.recoveryCodes[3], now)).toBe(false);
		expect(useRecoveryCode(db, user, 'AAAA-BBBB-CCCC', now)).toBe(false);
		expect(recoveryCodesLeft(db, user)).toBe(9);

		const token = generateSessionToken();
		createSession(db, token, user, now, now);
		disableTotp(db, admin, user, undefined, now);
		expect(validateSessionToken(db, token, now)).toBeNull();
		expect(secondFactorAfterPassword(db, user, ['manager'])).toBeNull();
		expect(recoveryCodesLeft(db, user)).toBe(0);
	});

	it('has one rule for where a person stands, whatever asks', () => {
		const policy = { ...DEFAULT_SESSION_POLICY, requireSecondFactor: true };
		const state = (hasApp: boolean, givenInSession: boolean, roles: Role[], p = policy) =>
			secondFactorState({ hasApp, givenInSession, roles, policy: p });
		expect(state(true, false, ['worker'])).toBe('needed');
		expect(state(true, true, ['worker'])).toBe('done');
		expect(state(false, false, ['admin'])).toBe('setup');
		expect(state(false, false, ['manager', 'board_member'])).toBe('setup');
		expect(state(false, false, ['worker'])).toBeNull();
		expect(state(false, false, ['admin'], DEFAULT_SESSION_POLICY)).toBeNull();
	});

	it('asks admins and managers to set one up when the council requires it, not others', () => {
		const db = freshDb();
		const manager = makeStaff(db, 'nadia', ['manager']);
		const worker = makeStaff(db, 'sam', ['worker']);
		const policy = { ...DEFAULT_SESSION_POLICY, requireSecondFactor: true };
		const now = new Date();
		const a = generateSessionToken();
		const b = generateSessionToken();
		createSession(db, a, manager, now);
		createSession(db, b, worker, now);
		expect(validateSessionToken(db, a, now, policy)?.secondFactor).toBe('setup');
		expect(validateSessionToken(db, b, now, policy)?.secondFactor).toBeNull();
	});
});

/** The code from a result that must have made one. */
function made(result: ReturnType<typeof createResetCode>) {
	if (!result.ok) throw new Error(`no code: ${result.why}`);
	return result;
}

describe('who may make a new-password code (anyone holding it can sign in as them)', () => {
	// [who makes it, linked to the young person today, reason given, outcome]
	const cases: [
		string,
		Role[],
		boolean,
		ResetReason | null,
		'made' | 'reason_needed' | 'not_allowed'
	][] = [
		['their social worker', ['worker'], true, null, 'made'],
		['a worker not linked to them', ['worker'], false, null, 'not_allowed'],
		['a worker not linked, giving a reason', ['worker'], false, 'worker_away', 'not_allowed'],
		['a manager not linked, without a reason', ['manager'], false, null, 'reason_needed'],
		['a manager not linked, with a reason', ['manager'], false, 'out_of_hours', 'made'],
		['a manager linked to them', ['manager'], true, null, 'made'],
		['an IRO not linked', ['iro'], false, 'worker_away', 'not_allowed'],
		['an admin (not a manager)', ['admin'], false, 'worker_away', 'not_allowed'],
		['a participation officer', ['participation_officer'], false, 'worker_away', 'not_allowed']
	];
	it.each(cases)('%s: %s', (_who, roles, linked, reason, outcome) => {
		const db = freshDb();
		const sw = makeStaff(db, 'sw', ['worker']);
		const maker = makeStaff(db, 'maker', roles);
		const links: { staffUserId: string; linkType: 'social_worker' }[] = [
			{ staffUserId: sw, linkType: 'social_worker' }
		];
		if (linked) links.push({ staffUserId: maker, linkType: 'social_worker' });
		const maya = makeYoungPerson(db, 'maya', links);
		const result = createResetCode(db, { makerId: maker, userId: maya, reason }, new Date());
		expect(result.ok ? 'made' : result.why).toBe(outcome);
		const audit = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'password.reset_code_made'))
			.all();
		const told = db.select().from(notices).where(eq(notices.kind, 'reset_code_made')).all();
		if (outcome === 'made') {
			expect(audit).toHaveLength(1);
			expect(audit[0]).toMatchObject({ actorId: maker, subjectUserId: maya });
			expect(audit[0].detail).toBe(reason ? `reason: ${reason}` : null);
			// Their social worker is told either way (the maker is not told of their own code).
			expect(told.map((n) => n.userId)).toEqual([sw]);
		} else {
			expect(audit).toHaveLength(0);
			expect(told).toHaveLength(0);
			expect(db.select().from(invitations).all()).toHaveLength(0);
		}
	});

	it('for staff, only an admin', () => {
		const db = freshDb();
		const admin = makeStaff(db, 'priya', ['admin']);
		const manager = makeStaff(db, 'gareth', ['manager']);
		const sam = makeStaff(db, 'sam', ['worker']);
		expect(
			createResetCode(db, { makerId: manager, userId: sam, reason: 'worker_away' }, new Date())
		).toEqual({
			ok: false,
			why: 'not_allowed'
		});
		expect(createResetCode(db, { makerId: admin, userId: sam }, new Date()).ok).toBe(true);
	});
});

describe('a new password through the worker', () => {
	it('works once, for that young person, and ends their old sessions', async () => {
		const db = freshDb();
		const worker = makeStaff(db, 'sam', ['worker']);
		const maya = makeYoungPerson(db, 'maya', [{ staffUserId: worker, linkType: 'social_worker' }]);
		const oldToken = generateSessionToken();
		createSession(db, oldToken, maya, new Date());
		const first = made(createResetCode(db, { makerId: worker, userId: maya }, new Date()));
		const second = made(createResetCode(db, { makerId: worker, userId: maya }, new Date()));
		// Only the newest code works.
		expect(
			(await redeemResetCode(db, { code: first.code, password: 'sunny garden gate' }, new Date()))
				.ok
		).toBe(false);
		// A new-password code cannot be used to make an account.
		expect(lookUpInvitation(db, second.code, new Date()).status).toBe('unknown');
		expect(
			(
				await redeemInvitation(
					db,
					{ code: second.code, username: 'x', password: 'abcdefgh1' },
					new Date()
				)
			).ok
		).toBe(false);
		const used = await redeemResetCode(
			db,
			{
				code: second.code.toLowerCase().replaceAll('-', ' '),
				password: 'sunny garden gate'
			},
			new Date()
		);
		expect(used).toMatchObject({ ok: true, userId: maya, roles: ['young_person'] });
		const hash = db.select().from(users).where(eq(users.id, maya)).get()!.passwordHash;
		expect(await verifyPassword(hash, 'sunny garden gate')).toBe(true);
		expect(validateSessionToken(db, oldToken, new Date())).toBeNull();
		expect(
			await redeemResetCode(db, { code: second.code, password: 'another one!' }, new Date())
		).toEqual({
			ok: false,
			reason: 'used'
		});
		const actions = db.select({ action: auditLog.action }).from(auditLog).all();
		expect(actions.filter((a) => a.action === 'password.reset_code_made')).toHaveLength(2);
		expect(actions.filter((a) => a.action === 'password.reset')).toHaveLength(1);
	});

	it('refuses an old code', async () => {
		const db = freshDb();
		const worker = makeStaff(db, 'sam', ['worker']);
		const maya = makeYoungPerson(db, 'maya', [{ staffUserId: worker, linkType: 'social_worker' }]);
		// Linked from today, so the code is made today.
		const madeAt = Date.now();
		const code = made(createResetCode(db, { makerId: worker, userId: maya }, new Date(madeAt)));
		expect(
			await redeemResetCode(
				db,
				{ code: code.code, password: 'sunny garden gate' },
				new Date(madeAt + 3 * 24 * 60 * 60 * 1000 + 1000)
			)
		).toEqual({ ok: false, reason: 'expired' });
	});
});

describe('a change of roles', () => {
	it('ends every session of that person and is in the audit log', () => {
		const db = freshDb();
		const admin = makeStaff(db, 'priya', ['admin']);
		const sam = makeStaff(db, 'sam', ['worker']);
		const token = generateSessionToken();
		createSession(db, token, sam, new Date());
		setStaffRoles(db, admin, sam, ['worker', 'manager'], new Date());
		expect(validateSessionToken(db, token, new Date())).toBeNull();
		const entry = db.select().from(auditLog).where(eq(auditLog.action, 'roles.changed')).get()!;
		expect(entry.detail).toBe('worker -> worker,manager');
	});
});
