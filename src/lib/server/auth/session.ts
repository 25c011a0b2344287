import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { hasAnyRole, isStaff, type Role } from '$lib/domain/roles';
import type { Db, Executor } from '../db';
import { sessions, userRoles, users } from '../db/schema';
import { hashSecret } from '../ids';
import { prepared } from '../db/prepared';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
export const SESSION_RENEW_WITHIN_MS = 15 * DAY;
export const SESSION_COOKIE = 'hearth_session';
/**
 * Over https the cookie is named `__Host-hearth_session`: browsers then accept it only if it is
 * Secure, has Path=/ and no Domain, so no other site or subdomain (or plain http) can set or
 * replace it. Plain http (local use and the tests) cannot carry the prefix.
 */
export const sessionCookieName = (secure: boolean) =>
	secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;

/** What a page may know about who is signed in: never hashes or tokens. */
export interface SessionUser {
	id: string;
	username: string;
	displayName: string;
	roles: Role[];
}

/**
 * Where a session stands on the second factor: `needed` when the person has an authenticator
 * set up and has not given a code in this session; `setup` when the council requires one of
 * them and they have none yet. Until it is null or `done`, the session opens nothing else.
 */
export type SecondFactorState = 'done' | 'needed' | 'setup' | null;

export interface ValidatedSession {
	session: { id: string; userId: string; expiresAt: Date };
	user: SessionUser;
	secondFactor: SecondFactorState;
	/** Quick exit was used on this device: nothing opens until the password is typed again. */
	locked: boolean;
}

/** How long staff sessions last, and whether admins and managers need a second factor. */
export interface SessionPolicy {
	staffIdleMs: number;
	staffSessionMs: number;
	requireSecondFactor: boolean;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
	staffIdleMs: 30 * 60_000,
	staffSessionMs: 12 * 60 * 60_000,
	requireSecondFactor: false
};

/** Why a session that was there has ended: no use for a while, or the longest a staff session may last. */
export type EndedBecause = 'idle' | 'limit';

/** Roles that must give a second factor when the council asks for one. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'manager'];

/**
 * The one rule for where someone stands on the second factor: with an app, they owe a code until
 * they give one in this session; without one, they must set one up if the council requires it
 * for their role.
 */
export function secondFactorState(input: {
	hasApp: boolean;
	givenInSession: boolean;
	roles: readonly Role[];
	policy: SessionPolicy;
}): SecondFactorState {
	if (input.hasApp) return input.givenInSession ? 'done' : 'needed';
	return input.policy.requireSecondFactor && hasAnyRole(input.roles, SECOND_FACTOR_ROLES)
		? 'setup'
		: null;
}

/** Last-seen times are written at most once a minute per session, not on every request. */
const LAST_SEEN_EVERY_MS = 60_000;

/** A new random session token (160 bits), to be given to the browser only. */
export function generateSessionToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

export function createSession(
	db: Db,
	token: string,
	userId: string,
	now: Date,
	secondFactorAt: Date | null = null
) {
	const session = {
		id: hashSecret(token),
		userId,
		createdAt: now,
		lastSeenAt: now,
		secondFactorAt,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS)
	};
	db.insert(sessions).values(session).run();
	return session;
}

export function rolesOf(db: Executor, userId: string): Role[] {
	return rolesQuery(db)
		.all({ userId })
		.map((row) => row.role);
}

const rolesQuery = (db: Executor) =>
	db
		.select({ role: userRoles.role })
		.from(userRoles)
		.where(eq(userRoles.userId, sql.placeholder('userId')))
		.prepare();

/**
 * Look a token up. Expired sessions are deleted; sessions in their last 15 days are
 * extended to a full 30 days (the sliding expiry of the Lucia guide). Staff sessions also
 * end after the policy's idle time and its longest time, and `ended` is told which.
 */
export function validateSessionToken(
	db: Db,
	token: string,
	now: Date,
	policy: SessionPolicy = DEFAULT_SESSION_POLICY,
	ended?: (because: EndedBecause) => void
): ValidatedSession | null {
	const sessionId = hashSecret(token);
	const row = prepared(db, 'session', (db) =>
		db
			.select({
				id: sessions.id,
				userId: sessions.userId,
				expiresAt: sessions.expiresAt,
				username: users.username,
				displayName: users.displayName,
				disabledAt: users.disabledAt,
				createdAt: sessions.createdAt,
				lastSeenAt: sessions.lastSeenAt,
				secondFactorAt: sessions.secondFactorAt,
				lockedAt: sessions.lockedAt,
				totpEnabledAt: users.totpEnabledAt
			})
			.from(sessions)
			.innerJoin(users, eq(users.id, sessions.userId))
			.where(eq(sessions.id, sql.placeholder('id')))
			.prepare()
	).get({ id: sessionId });
	if (!row) return null;
	if (now.getTime() >= row.expiresAt.getTime() || row.disabledAt) {
		db.delete(sessions).where(eq(sessions.id, sessionId)).run();
		return null;
	}
	// The same as rolesOf, prepared once: this runs on every request.
	const roles = prepared(db, 'roles', rolesQuery)
		.all({ userId: row.userId })
		.map((r) => r.role);
	const lastSeen = (row.lastSeenAt ?? row.createdAt).getTime();
	if (isStaff(roles)) {
		const because: EndedBecause | null =
			now.getTime() - row.createdAt.getTime() >= policy.staffSessionMs
				? 'limit'
				: now.getTime() - lastSeen >= policy.staffIdleMs
					? 'idle'
					: null;
		if (because) {
			db.delete(sessions).where(eq(sessions.id, sessionId)).run();
			ended?.(because);
			return null;
		}
	}
	let expiresAt = row.expiresAt;
	const renew = now.getTime() >= expiresAt.getTime() - SESSION_RENEW_WITHIN_MS;
	if (renew) expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	if (renew || now.getTime() - lastSeen >= LAST_SEEN_EVERY_MS) {
		db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, sessionId)).run();
	}
	return {
		session: { id: row.id, userId: row.userId, expiresAt },
		user: { id: row.userId, username: row.username, displayName: row.displayName, roles },
		secondFactor: secondFactorState({
			hasApp: !!row.totpEnabledAt,
			givenInSession: !!row.secondFactorAt,
			roles,
			policy
		}),
		locked: !!row.lockedAt
	};
}

/**
 * Quick exit: this one session (this device) opens nothing until its owner types their password
 * again (`unlockSession`). Their sessions on other devices are left as they are.
 */
export function lockSession(db: Db, sessionId: string, now: Date): boolean {
	return (
		db
			.update(sessions)
			.set({ lockedAt: now })
			.where(and(eq(sessions.id, sessionId), isNull(sessions.lockedAt)))
			.run().changes > 0
	);
}

/** The password was typed again on the locked device: it carries on where it was. */
export function unlockSession(db: Db, sessionId: string): void {
	db.update(sessions).set({ lockedAt: null }).where(eq(sessions.id, sessionId)).run();
}

/** A session's second factor was given: a new token, marked done, in place of the old one. */
export function markSecondFactorDone(db: Db, oldSessionId: string, userId: string, now: Date) {
	db.delete(sessions).where(eq(sessions.id, oldSessionId)).run();
	const token = generateSessionToken();
	return { token, session: createSession(db, token, userId, now, now) };
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** End every session of a person, or every one but `keepSessionId`. */
export function invalidateUserSessions(db: Db, userId: string, keepSessionId?: string): void {
	const condition = keepSessionId
		? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
		: eq(sessions.userId, userId);
	db.delete(sessions).where(condition).run();
}

export function deleteExpiredSessions(db: Db, now: Date): number {
	return db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
}

/** HttpOnly, SameSite=Lax, and Secure whenever Hearth is served over https (always in production). */
export function setSessionTokenCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(sessionCookieName(secure), token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionTokenCookie(cookies: Cookies, secure: boolean) {
	cookies.set(sessionCookieName(secure), '', {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 0,
		path: '/'
	});
}
