import { describe, expect, it } from 'vitest';
import {
	SESSION_LIFETIME_MS,
	createSession,
	deleteExpiredSessions,
	generateSessionToken,
	invalidateSession,
	deleteSessionTokenCookie,
	invalidateUserSessions,
	sessionCookieName,
	setSessionTokenCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import type { Cookies } from '@sveltejs/kit';
import { hashSecret } from '$lib/server/ids';
import { sessions } from '$lib/server/db/schema';
import { setAccountDisabled } from '$lib/server/accounts/accounts';
import { freshDb, makeStaff, makeYoungPerson } from './db';

const DAY = 86_400_000;

describe('sessions', () => {
	it('stores only the SHA-256 of the token', () => {
		const db = freshDb();
		const userId = makeStaff(db, 'sam', ['worker']);
		const token = generateSessionToken();
		createSession(db, token, userId, new Date());
		const stored = db.select().from(sessions).all();
		expect(stored).toHaveLength(1);
		expect(stored[0].id).toBe(hashSecret(token));
		expect(stored[0].id).not.toContain(token);
	});

	it('makes tokens that differ and carry 160 bits', () => {
		const tokens = new Set(Array.from({ length: 100 }, generateSessionToken));
		expect(tokens.size).toBe(100);
		expect([...tokens][0]).toMatch(/^[a-z2-7]{32}$/);
	});

	it('validates a token and gives the user with roles, never the hash', () => {
		const db = freshDb();
		const userId = makeStaff(db, 'gareth', ['manager', 'board_member']);
		const token = generateSessionToken();
		createSession(db, token, userId, new Date());
		const result = validateSessionToken(db, token, new Date());
		expect(result?.user).toEqual({
			id: userId,
			username: 'gareth',
			displayName: 'gareth',
			roles: expect.arrayContaining(['manager', 'board_member'])
		});
		expect(JSON.stringify(result)).not.toContain('hash');
		expect(validateSessionToken(db, generateSessionToken(), new Date())).toBeNull();
	});

	it('keeps the expiry in the first 15 days and renews to 30 days in the last 15', () => {
		// A young person's session: staff sessions end long before (session-hardening.test.ts).
		const db = freshDb();
		const userId = makeYoungPerson(db, 'maya');
		const token = generateSessionToken();
		const start = new Date('2026-01-01T00:00:00Z');
		const session = createSession(db, token, userId, start);
		const day10 = new Date(start.getTime() + 10 * DAY);
		expect(validateSessionToken(db, token, day10)?.session.expiresAt).toEqual(session.expiresAt);
		const day20 = new Date(start.getTime() + 20 * DAY);
		expect(validateSessionToken(db, token, day20)?.session.expiresAt).toEqual(
			new Date(day20.getTime() + SESSION_LIFETIME_MS)
		);
	});

	it('refuses and deletes an expired session', () => {
		const db = freshDb();
		const userId = makeStaff(db, 'sam', ['worker']);
		const token = generateSessionToken();
		const start = new Date('2026-01-01T00:00:00Z');
		createSession(db, token, userId, start);
		expect(validateSessionToken(db, token, new Date(start.getTime() + 30 * DAY))).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('ends one session, all of a user’s, or all but one', () => {
		const db = freshDb();
		const userId = makeStaff(db, 'sam', ['worker']);
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		createSession(db, a, userId, new Date());
		createSession(db, b, userId, new Date());
		createSession(db, c, userId, new Date());
		invalidateSession(db, hashSecret(a));
		expect(validateSessionToken(db, a, new Date())).toBeNull();
		invalidateUserSessions(db, userId, hashSecret(b));
		expect(validateSessionToken(db, b, new Date())).not.toBeNull();
		expect(validateSessionToken(db, c, new Date())).toBeNull();
		invalidateUserSessions(db, userId);
		expect(validateSessionToken(db, b, new Date())).toBeNull();
	});

	it('refuses the sessions of a switched-off account', () => {
		const db = freshDb();
		const admin = makeStaff(db, 'admin', ['admin']);
		const userId = makeStaff(db, 'sam', ['worker']);
		const token = generateSessionToken();
		createSession(db, token, userId, new Date());
		setAccountDisabled(db, admin, userId, true, new Date());
		expect(validateSessionToken(db, token, new Date())).toBeNull();
	});

	it('cleans up expired sessions', () => {
		const db = freshDb();
		const userId = makeStaff(db, 'sam', ['worker']);
		createSession(db, generateSessionToken(), userId, new Date('2020-01-01'));
		createSession(db, generateSessionToken(), userId, new Date());
		expect(deleteExpiredSessions(db, new Date())).toBe(1);
	});
});

describe('the session cookie', () => {
	const jar = () => {
		const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
		const cookies = {
			set: (name: string, value: string, options: Record<string, unknown>) =>
				set.push({ name, value, options })
		} as unknown as Cookies;
		return { set, cookies };
	};

	it('is __Host- prefixed over https (Secure, Path=/, no Domain), and plain over http', () => {
		const https = jar();
		setSessionTokenCookie(https.cookies, 'token', new Date(Date.now() + 60_000), true);
		deleteSessionTokenCookie(https.cookies, true);
		for (const cookie of https.set) {
			expect(cookie.name).toBe('__Host-hearth_session');
			expect(cookie.options).toMatchObject({
				secure: true,
				path: '/',
				httpOnly: true,
				sameSite: 'lax'
			});
			expect(cookie.options.domain).toBeUndefined();
		}
		const http = jar();
		setSessionTokenCookie(http.cookies, 'token', new Date(Date.now() + 60_000), false);
		expect(http.set[0]).toMatchObject({ name: 'hearth_session', options: { secure: false } });
		expect(sessionCookieName(true)).toBe('__Host-hearth_session');
	});
});
