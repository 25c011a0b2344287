import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Role } from '$lib/domain/roles';
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

export interface ValidatedSession {
	session: { id: string; userId: string; expiresAt: Date };
	user: SessionUser;
}

/** A new random session token (160 bits), to be given to the browser only. */
export function generateSessionToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

export function createSession(db: Db, token: string, userId: string, now = new Date()) {
	const session = {
		id: hashSecret(token),
		userId,
		createdAt: now,
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
 * extended to a full 30 days (the sliding expiry of the Lucia guide).
 */
export function validateSessionToken(
	db: Db,
	token: string,
	now = new Date()
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
				disabledAt: users.disabledAt
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
	let expiresAt = row.expiresAt;
	if (now.getTime() >= expiresAt.getTime() - SESSION_RENEW_WITHIN_MS) {
		expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId)).run();
	}
	return {
		session: { id: row.id, userId: row.userId, expiresAt },
		user: {
			id: row.userId,
			username: row.username,
			displayName: row.displayName,
			// The same as rolesOf, prepared once: this runs on every request.
			roles: prepared(db, 'roles', rolesQuery)
				.all({ userId: row.userId })
				.map((r) => r.role)
		}
	};
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

export function deleteExpiredSessions(db: Db, now = new Date()): number {
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
