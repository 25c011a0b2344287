import { describe, expect, it } from 'vitest';
import {
	INVITATION_LIFETIME_MS,
	createInvitation,
	generateInvitationCode,
	lookUpInvitation,
	normaliseInvitationCode,
	redeemInvitation
} from '$lib/server/accounts/invitations';
import { rolesOf } from '$lib/server/auth/session';
import { invitations } from '$lib/server/db/schema';
import { isLinked, youngPersonRecord } from '$lib/server/people/young-people';
import { ukToday } from '$lib/domain/people';
import { freshDb, makeStaff } from './db';

function inviteChild(db: ReturnType<typeof freshDb>, now = new Date()) {
	const worker = makeStaff(db, 'sam', ['worker']);
	const iro = makeStaff(db, 'janet', ['iro']);
	const made = createInvitation(
		db,
		worker,
		{
			kind: 'young_person',
			preferredName: 'Kayla',
			dateOfBirth: '2013-05-14',
			careStatus: 'in_care',
			leavingCareCategory: 'none',
			links: [
				{ staffUserId: worker, linkType: 'social_worker' },
				{ staffUserId: iro, linkType: 'iro' }
			]
		},
		now
	);
	return { worker, iro, made };
}

describe('invitation codes', () => {
	it('are 12 unambiguous characters in groups of four', () => {
		for (let i = 0; i < 50; i++)
			expect(generateInvitationCode()).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){2}$/);
	});
	it('forgive case, spaces and missing dashes', () => {
		expect(normaliseInvitationCode(' kt7m q2xh-9pwa ')).toBe('KT7M-Q2XH-9PWA');
	});
	it('are never stored, only their hash', () => {
		const db = freshDb();
		const { made } = inviteChild(db);
		expect(JSON.stringify(db.select().from(invitations).all())).not.toContain(made.code);
	});
});

describe('redeeming an invitation', () => {
	it('makes the account, profile and links, and works once only', async () => {
		const db = freshDb();
		const { worker, iro, made } = inviteChild(db);
		expect(lookUpInvitation(db, made.code, new Date()).status).toBe('valid');
		const result = await redeemInvitation(
			db,
			{
				code: made.code.toLowerCase(),
				username: 'Kayla.B',
				password: 'purple giraffe'
			},
			new Date()
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(rolesOf(db, result.userId)).toEqual(['young_person']);
		const record = youngPersonRecord(db, result.userId, ukToday(new Date()))!;
		expect(record).toMatchObject({
			name: 'Kayla',
			username: 'kayla.b',
			dateOfBirth: '2013-05-14',
			careStatus: 'in_care'
		});
		expect(isLinked(db, worker, result.userId, ukToday(new Date()))).toBe(true);
		expect(isLinked(db, iro, result.userId, ukToday(new Date()))).toBe(true);

		const again = await redeemInvitation(
			db,
			{
				code: made.code,
				username: 'other',
				password: 'purple giraffe'
			},
			new Date()
		);
		expect(again).toEqual({ ok: false, reason: 'used' });
		expect(lookUpInvitation(db, made.code, new Date()).status).toBe('used');
	});

	it('refuses an expired code and a mistyped one, making nothing', async () => {
		const db = freshDb();
		const made = inviteChild(db, new Date('2026-01-01T00:00:00Z')).made;
		const afterExpiry = new Date(
			new Date('2026-01-01T00:00:00Z').getTime() + INVITATION_LIFETIME_MS + 1
		);
		expect(
			await redeemInvitation(
				db,
				{ code: made.code, username: 'kayla', password: 'purple giraffe' },
				afterExpiry
			)
		).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(
			await redeemInvitation(
				db,
				{
					code: 'AAAA-BBBB-CCCC',
					username: 'kayla',
					password: 'purple giraffe'
				},
				new Date()
			)
		).toEqual({
			ok: false,
			reason: 'unknown'
		});
		expect(youngPersonRecord(db, 'kayla', ukToday(new Date()))).toBeNull();
	});

	it('refuses a username already taken and leaves the code usable', async () => {
		const db = freshDb();
		const { made } = inviteChild(db);
		const result = await redeemInvitation(
			db,
			{
				code: made.code,
				username: 'SAM',
				password: 'purple giraffe'
			},
			new Date()
		);
		expect(result).toEqual({ ok: false, reason: 'username_taken' });
		expect(lookUpInvitation(db, made.code, new Date()).status).toBe('valid');
	});

	it('gives staff the roles they were invited with', async () => {
		const db = freshDb();
		const admin = makeStaff(db, 'admin', ['admin']);
		const made = createInvitation(
			db,
			admin,
			{
				kind: 'staff',
				displayName: 'Noor Haddad',
				roles: ['iro', 'manager']
			},
			new Date()
		);
		const result = await redeemInvitation(
			db,
			{
				code: made.code,
				username: 'noor',
				password: 'purple giraffe'
			},
			new Date()
		);
		expect(result.ok && rolesOf(db, result.userId).sort()).toEqual(['iro', 'manager']);
	});
});
