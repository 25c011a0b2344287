import { and, eq, isNull, ne } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { LeavingCareCategory, CareStatus, LegalStatus, LinkType } from '$lib/domain/people';
import type { Role, StaffRole } from '$lib/domain/roles';
import { councilChildIdTaken } from '../people/care-record';
import type { Db } from '../db';
import { invitations, sessions, users } from '../db/schema';
import { rolesOf } from '../auth/session';
import { insertYoungPerson, isLinked, youngPersonExists } from '../people/young-people';
import { safetyContacts } from '../voice/people';
import { resetCodeDecision, type ResetReason } from '$lib/domain/reset-codes';
import { ukToday } from '$lib/domain/people';
import { insertAccount } from './accounts';
import { hashSecret, newId } from '../ids';
import { recordAudit } from '../audit/log';
import { hashPassword } from '../auth/password';
import { notify } from '../notify/notify';

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

// No 0/O, 1/I/L: a code is read off a card and typed on a phone.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

export interface YoungPersonInvitation {
	kind: 'young_person';
	preferredName: string;
	dateOfBirth: string;
	careStatus: CareStatus;
	leavingCareCategory: LeavingCareCategory;
	/** Absent in invitations made before these were asked. */
	councilChildId?: string | null;
	firstPeriod?: { startedOn: string; legalStatus: LegalStatus } | null;
	links: { staffUserId: string; linkType: LinkType }[];
}

export interface StaffInvitation {
	kind: 'staff';
	displayName: string;
	roles: StaffRole[];
}

/** A new password for a young person who forgot theirs, made by their worker. */
export interface ResetInvitation {
	kind: 'reset';
	userId: string;
}

export type InvitationDetails = YoungPersonInvitation | StaffInvitation | ResetInvitation;

/** A fresh code like `KT7M-Q2XH-9PWA`: 12 characters from 31, about 59 bits. */
export function generateInvitationCode(): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code.match(/.{4}/g)!.join('-');
}

/** Codes are forgiving: case, spaces and dashes do not matter, and O/I/L read as 0/1/1 are not in the alphabet. */
export function normaliseInvitationCode(input: string): string {
	const bare = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
	return bare.match(/.{1,4}/g)?.join('-') ?? '';
}

/** Create an invitation. The code is returned once and never stored. */
export function createInvitation(
	db: Db,
	createdBy: string,
	details: InvitationDetails,
	now: Date
): { id: string; code: string; expiresAt: Date } {
	const code = generateInvitationCode();
	const id = newId();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	db.transaction((tx) => {
		tx.insert(invitations)
			.values({
				id,
				codeHash: hashSecret(code),
				kind: details.kind,
				displayName:
					details.kind === 'staff'
						? details.displayName
						: details.kind === 'reset'
							? ''
							: details.preferredName,
				details,
				createdBy,
				createdAt: now,
				expiresAt
			})
			.run();
		recordAudit(
			tx,
			{ actorId: createdBy, action: 'invitation.created', detail: details.kind },
			now
		);
	});
	return { id, code, expiresAt };
}

export type InvitationLookup =
	| {
			status: 'valid';
			invitation: { id: string; kind: 'young_person' | 'staff' | 'reset'; displayName: string };
	  }
	| { status: 'unknown' | 'used' | 'expired' };

/** What a typed code points at, without using it. */
export function lookUpInvitation(db: Db, code: string, now: Date): InvitationLookup {
	const row = db
		.select()
		.from(invitations)
		.where(eq(invitations.codeHash, hashSecret(normaliseInvitationCode(code))))
		.get();
	// A new-password code is used on /reset, not to join.
	if (!row || row.kind === 'reset') return { status: 'unknown' };
	if (row.usedAt) return { status: 'used' };
	if (row.expiresAt.getTime() <= now.getTime()) return { status: 'expired' };
	return {
		status: 'valid',
		invitation: { id: row.id, kind: row.kind, displayName: row.displayName }
	};
}

export type RedeemResult =
	| { ok: true; userId: string; roles: Role[] }
	| { ok: false; reason: 'unknown' | 'used' | 'expired' | 'username_taken' };

/** Use an invitation: make the account, its roles, profile and links, all or nothing. */
export async function redeemInvitation(
	db: Db,
	input: { code: string; username: string; password: string },
	now: Date
): Promise<RedeemResult> {
	const passwordHash = await hashPassword(input.password);
	const username = input.username.trim().toLowerCase();
	const codeHash = hashSecret(normaliseInvitationCode(input.code));
	const result = db.transaction((tx): RedeemResult & { invitedBy?: string } => {
		const row = tx.select().from(invitations).where(eq(invitations.codeHash, codeHash)).get();
		if (!row || row.kind === 'reset') return { ok: false, reason: 'unknown' };
		if (row.usedAt) return { ok: false, reason: 'used' };
		if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
		if (tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) {
			return { ok: false, reason: 'username_taken' };
		}
		const details = row.details as YoungPersonInvitation | StaffInvitation;
		const roles: Role[] = details.kind === 'staff' ? details.roles : ['young_person'];
		const userId = insertAccount(
			tx,
			{ username, displayName: row.displayName, passwordHash, roles },
			now
		);
		if (details.kind === 'young_person') {
			const { preferredName: _name, kind: _kind, ...profile } = details;
			// Another child may have been given the ID since the invitation: join without it then.
			const councilChildId =
				profile.councilChildId && !councilChildIdTaken(tx, profile.councilChildId)
					? profile.councilChildId
					: null;
			insertYoungPerson(tx, { userId, ...profile, councilChildId }, now);
		}
		// Guard against a race between two redemptions of one code: only one update can match.
		const claimed = tx
			.update(invitations)
			.set({ usedAt: now, usedBy: userId })
			.where(and(eq(invitations.id, row.id), isNull(invitations.usedAt)))
			.run();
		if (claimed.changes !== 1) throw new Error('Invitation was used at the same moment');
		recordAudit(tx, { actorId: userId, action: 'invitation.redeemed', subjectUserId: userId }, now);
		return { ok: true, userId, roles, invitedBy: row.createdBy };
	});
	if (!result.ok) return result;
	// Tell whoever made the code that it worked: they can now see their young person or colleague.
	const { invitedBy, ...joined } = result;
	const link = joined.roles.includes('young_person')
		? `/work/young-people/${joined.userId}`
		: `/admin/accounts/${joined.userId}`;
	if (invitedBy) notify(db, [invitedBy], 'invitation_used', link, now);
	return joined;
}

/** Invitations this person made that are still waiting, newest first. */
export function pendingInvitationsBy(db: Db, createdBy: string | null, now: Date) {
	return db
		.select({
			id: invitations.id,
			kind: invitations.kind,
			displayName: invitations.displayName,
			createdAt: invitations.createdAt,
			expiresAt: invitations.expiresAt
		})
		.from(invitations)
		.where(
			and(
				createdBy ? eq(invitations.createdBy, createdBy) : undefined,
				isNull(invitations.usedAt),
				ne(invitations.kind, 'reset')
			)
		)
		.orderBy(invitations.createdAt)
		.all()
		.filter((row) => row.expiresAt.getTime() > now.getTime())
		.reverse();
}

/** A new-password code lasts three days: long enough to pass on, short for something that opens an account. */
export const RESET_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;

export type ResetCodeResult =
	{ ok: true; code: string; expiresAt: Date } | { ok: false; why: 'reason_needed' | 'not_allowed' };

/**
 * Someone forgot their password: a one-time code, given to them in person. Whoever holds it can
 * sign in as them, so for a young person only the worker linked to them today, or a manager who
 * says why (domain/reset-codes.ts), may make one, and the young person's social worker or PA is
 * told either way; for staff, only an admin (staff have no worker). Any earlier code stops
 * working. Hearth never resets by email or questions.
 */
export function createResetCode(
	db: Db,
	input: { makerId: string; userId: string; reason?: ResetReason | null },
	now: Date
): ResetCodeResult {
	const reason = input.reason ?? null;
	const makerRoles = rolesOf(db, input.makerId);
	const youngPerson = youngPersonExists(db, input.userId);
	const decision = youngPerson
		? resetCodeDecision({
				linkedToday: isLinked(db, input.makerId, input.userId, ukToday(now)),
				isManager: makerRoles.includes('manager'),
				reason
			})
		: makerRoles.includes('admin')
			? 'allowed'
			: 'not_allowed';
	if (decision !== 'allowed') return { ok: false, why: decision };
	const code = generateInvitationCode();
	const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
	db.transaction((tx) => {
		const earlier = tx
			.select({ id: invitations.id, details: invitations.details })
			.from(invitations)
			.where(and(eq(invitations.kind, 'reset'), isNull(invitations.usedAt)))
			.all()
			.filter((row) => (row.details as ResetInvitation).userId === input.userId);
		for (const row of earlier)
			tx.update(invitations).set({ expiresAt: now }).where(eq(invitations.id, row.id)).run();
		tx.insert(invitations)
			.values({
				id: newId(),
				codeHash: hashSecret(code),
				kind: 'reset',
				displayName: '',
				details: { kind: 'reset', userId: input.userId } satisfies ResetInvitation,
				createdBy: input.makerId,
				createdAt: now,
				expiresAt
			})
			.run();
		recordAudit(
			tx,
			{
				actorId: input.makerId,
				action: 'password.reset_code_made',
				subjectUserId: input.userId,
				detail: reason ? `reason: ${reason}` : null
			},
			now
		);
		if (youngPerson) {
			const told = safetyContacts(tx, input.userId, ukToday(now)).filter(
				(id) => id !== input.makerId
			);
			notify(tx, told, 'reset_code_made', `/work/young-people/${input.userId}`, now);
		}
	});
	return { ok: true, code, expiresAt };
}

export type ResetResult =
	| { ok: true; userId: string; roles: Role[] }
	| { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Use a new-password code: the password is set, the code is spent and every old session ends. */
export async function redeemResetCode(
	db: Db,
	input: { code: string; password: string },
	now: Date
): Promise<ResetResult> {
	const passwordHash = await hashPassword(input.password);
	const codeHash = hashSecret(normaliseInvitationCode(input.code));
	const result = db.transaction((tx): ResetResult => {
		const row = tx.select().from(invitations).where(eq(invitations.codeHash, codeHash)).get();
		if (!row || row.kind !== 'reset') return { ok: false, reason: 'unknown' };
		if (row.usedAt) return { ok: false, reason: 'used' };
		if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
		const { userId } = row.details as ResetInvitation;
		const user = tx
			.select({ disabledAt: users.disabledAt })
			.from(users)
			.where(eq(users.id, userId))
			.get();
		if (!user || user.disabledAt) return { ok: false, reason: 'unknown' };
		const claimed = tx
			.update(invitations)
			.set({ usedAt: now, usedBy: userId })
			.where(and(eq(invitations.id, row.id), isNull(invitations.usedAt)))
			.run();
		if (claimed.changes !== 1) return { ok: false, reason: 'used' };
		tx.update(users)
			.set({ passwordHash, passwordChangedAt: now })
			.where(eq(users.id, userId))
			.run();
		tx.delete(sessions).where(eq(sessions.userId, userId)).run();
		recordAudit(tx, { actorId: userId, action: 'password.reset', subjectUserId: userId }, now);
		return { ok: true, userId, roles: [] };
	});
	if (!result.ok) return result;
	return { ...result, roles: rolesOf(db, result.userId) };
}
