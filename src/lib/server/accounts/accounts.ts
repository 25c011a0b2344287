import { asc, eq, sql } from 'drizzle-orm';
import type { Role, StaffRole } from '$lib/domain/roles';
import type { Db, Executor } from '../db';
import { newId } from '../ids';
import { anyContains } from '../db/search';
import { userRoles, users } from '../db/schema';
import { recordAudit } from '../audit/log';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions, rolesOf } from '../auth/session';

/** Accounts for the admin list: names, usernames and roles, never hashes. */
export function listAccounts(db: Db, filter: { search?: string; role?: Role }) {
	const rows = db
		.select({
			id: users.id,
			username: users.username,
			displayName: users.displayName,
			disabledAt: users.disabledAt,
			roles: sql<string>`group_concat(${userRoles.role})`
		})
		.from(users)
		.leftJoin(userRoles, eq(userRoles.userId, users.id))
		.where(
			filter.search ? anyContains([users.username, users.displayName], filter.search) : undefined
		)
		.groupBy(users.id)
		.orderBy(asc(users.displayName))
		.all()
		.map((row) => ({ ...row, roles: (row.roles ?? '').split(',').filter(Boolean) as Role[] }));
	return filter.role ? rows.filter((row) => row.roles.includes(filter.role!)) : rows;
}

export function accountSummary(db: Db, userId: string) {
	const user = db
		.select({
			id: users.id,
			username: users.username,
			displayName: users.displayName,
			disabledAt: users.disabledAt,
			erasedAt: users.erasedAt,
			createdAt: users.createdAt
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return user ? { ...user, roles: rolesOf(db, userId) } : null;
}

/** A change refused because the council would lose an administrator it must keep. */
export type AccountChange = { ok: true } | { ok: false; refused: 'keeps_an_admin' };

/** What a change does to an account's administration. */
export type AdminChange = { roles: readonly Role[] } | 'disable' | 'erase';

/**
 * The council keeps an administrator: nobody takes away their own administration (by dropping
 * the role, switching themselves off or erasing themselves), so whoever could undo a mistaken
 * change is still there; and whoever asks (a script has no account of its own), no change takes
 * away the last administrator who can sign in. True when `change` to `userId` is refused.
 */
export function wouldLoseAdmin(
	db: Executor,
	actorId: string | null,
	userId: string,
	change: AdminChange
): boolean {
	const dropsAdmin = typeof change === 'string' || !change.roles.includes('admin');
	if (!dropsAdmin) return false;
	const admins = db
		.select({ id: users.id, disabledAt: users.disabledAt, erasedAt: users.erasedAt })
		.from(users)
		.innerJoin(userRoles, eq(userRoles.userId, users.id))
		.where(eq(userRoles.role, 'admin'))
		.all();
	if (!admins.some((admin) => admin.id === userId)) return false;
	if (actorId === userId) return true;
	const canSignIn = admins.filter((admin) => !admin.disabledAt && !admin.erasedAt);
	return canSignIn.length === 1 && canSignIn[0].id === userId;
}

const KEEPS_AN_ADMIN = { ok: false, refused: 'keeps_an_admin' } as const;

/**
 * Switch an account off (ending its sessions) or back on. Refused when it would switch off
 * the actor's own account or the last administrator (`wouldLoseAdmin`).
 */
export function setAccountDisabled(
	db: Db,
	actorId: string,
	userId: string,
	disabled: boolean,
	now: Date
): AccountChange {
	const refused = db.transaction((tx) => {
		if (disabled && wouldLoseAdmin(tx, actorId, userId, 'disable')) return true;
		tx.update(users)
			.set({ disabledAt: disabled ? now : null })
			.where(eq(users.id, userId))
			.run();
		recordAudit(
			tx,
			{ actorId, action: disabled ? 'account.disabled' : 'account.enabled', subjectUserId: userId },
			now
		);
		return false;
	});
	if (refused) return KEEPS_AN_ADMIN;
	if (disabled) invalidateUserSessions(db, userId);
	return { ok: true };
}

/** Set a new password; every other session of the person ends. */
export async function changePassword(
	db: Db,
	userId: string,
	newPassword: string,
	keepSessionId: string | undefined,
	now: Date
): Promise<void> {
	const passwordHash = await hashPassword(newPassword);
	db.transaction((tx) => {
		tx.update(users)
			.set({ passwordHash, passwordChangedAt: now })
			.where(eq(users.id, userId))
			.run();
		recordAudit(tx, { actorId: userId, action: 'password.changed', subjectUserId: userId }, now);
	});
	invalidateUserSessions(db, userId, keepSessionId);
}

/** Make an account with its roles. Callers hash the password and run this in their transaction. */
export function insertAccount(
	db: Executor,
	account: { username: string; displayName: string; passwordHash: string; roles: Role[] },
	now: Date
): string {
	const id = newId();
	db.insert(users)
		.values({
			id,
			username: account.username.trim().toLowerCase(),
			displayName: account.displayName,
			passwordHash: account.passwordHash,
			createdAt: now,
			passwordChangedAt: now
		})
		.run();
	db.insert(userRoles)
		.values(account.roles.map((role) => ({ userId: id, role })))
		.run();
	return id;
}

/**
 * Change a member of staff's roles. Every session of theirs ends, so whatever they do next is
 * under a new session token with the new roles (ASVS: a fresh session on any change of rights).
 * Refused when it would take away the actor's own administration or the last administrator.
 */
export function setStaffRoles(
	db: Db,
	actorId: string,
	userId: string,
	roles: StaffRole[],
	now: Date
): AccountChange {
	const before = rolesOf(db, userId);
	const refused = db.transaction((tx) => {
		if (wouldLoseAdmin(tx, actorId, userId, { roles })) return true;
		tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
		tx.insert(userRoles)
			.values(roles.map((role) => ({ userId, role })))
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'roles.changed',
				subjectUserId: userId,
				detail: `${before.join(',')} -> ${roles.join(',')}`
			},
			now
		);
		return false;
	});
	if (refused) return KEEPS_AN_ADMIN;
	invalidateUserSessions(db, userId);
	return { ok: true };
}
