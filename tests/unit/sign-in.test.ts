import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { signIn } from '$lib/server/auth/sign-in';
import { ADDRESS_SUBJECTS, LIMITS, lockDuration, MAX_LOCK_MS } from '$lib/server/auth/throttle';
import { insertAccount } from '$lib/server/accounts/accounts';
import { users } from '$lib/server/db/schema';
import { freshDb } from './db';

describe('passwords', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const hash = await hashPassword('purple giraffe 42');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'purple giraffe 42')).toBe(true);
		expect(await verifyPassword(hash, 'purple giraffe 43')).toBe(false);
		expect(await verifyPassword('garbage', 'anything')).toBe(false);
	});
});

describe('growing delays', () => {
	it('lets the first few failures through, then doubles up to an hour', () => {
		const free = LIMITS.untrusted.free;
		expect(lockDuration('untrusted', free - 1)).toBe(0);
		expect(lockDuration('untrusted', free)).toBe(30_000);
		expect(lockDuration('untrusted', free + 1)).toBe(60_000);
		expect(lockDuration('untrusted', free + 2)).toBe(120_000);
		expect(lockDuration('untrusted', free + 30)).toBe(MAX_LOCK_MS);
	});
});

async function withUser(username = 'tyler', password = 'correct horse') {
	const db = freshDb();
	insertAccount(
		db,
		{
			username,
			displayName: 'Tyler',
			passwordHash: await hashPassword(password),
			roles: ['young_person']
		},
		new Date()
	);
	return db;
}

describe('signIn', () => {
	it('accepts the right password whatever the username’s case', async () => {
		const db = await withUser();
		const result = await signIn(
			db,
			{
				username: ' Tyler ',
				password: 'correct horse',
				address: '10.0.0.1'
			},
			new Date()
		);
		expect(result.ok).toBe(true);
	});

	it('says the same for a wrong password and an unknown username', async () => {
		const db = await withUser();
		const wrong = await signIn(
			db,
			{ username: 'tyler', password: 'nope', address: '10.0.0.1' },
			new Date()
		);
		const unknown = await signIn(
			db,
			{ username: 'nobody', password: 'nope', address: '10.0.0.2' },
			new Date()
		);
		expect(wrong).toEqual({ ok: false, reason: 'wrong' });
		expect(unknown).toEqual({ ok: false, reason: 'wrong' });
	});

	it('makes a username wait after repeated failures, even with the right password then', async () => {
		const db = await withUser();
		const now = new Date('2026-11-22T10:00:00Z');
		for (let i = 0; i < LIMITS.untrusted.free; i++) {
			await signIn(db, { username: 'tyler', password: 'nope', address: `10.0.0.${i}` }, now);
		}
		const locked = await signIn(
			db,
			{ username: 'tyler', password: 'correct horse', address: '10.9.9.9' },
			now
		);
		expect(locked).toMatchObject({ ok: false, reason: 'wait', waitMs: 30_000 });
		const later = new Date(now.getTime() + 31_000);
		expect(
			(
				await signIn(
					db,
					{ username: 'tyler', password: 'correct horse', address: '10.9.9.9' },
					later
				)
			).ok
		).toBe(true);
	});

	it('locks an unknown username exactly like a real one, so a lock reveals nothing', async () => {
		const db = await withUser();
		const now = new Date('2026-11-22T10:00:00Z');
		const attempt = (username: string, i: number) =>
			signIn(db, { username, password: 'nope', address: `10.1.${username.length}.${i}` }, now);
		const real = [];
		const ghost = [];
		for (let i = 0; i <= LIMITS.untrusted.free; i++) {
			real.push(await attempt('tyler', i));
			ghost.push(await attempt('ghost', i));
		}
		expect(ghost).toEqual(real);
		expect(real.at(-1)).toMatchObject({ reason: 'wait' });
	});

	it('slows down one address trying many usernames', async () => {
		const db = await withUser();
		const now = new Date('2026-11-22T10:00:00Z');
		for (let i = 0; i < ADDRESS_SUBJECTS.limit; i++) {
			await signIn(db, { username: `guess${i}`, password: 'nope', address: '203.0.113.7' }, now);
		}
		const result = await signIn(
			db,
			{ username: 'tyler', password: 'correct horse', address: '203.0.113.7' },
			now
		);
		expect(result).toMatchObject({ ok: false, reason: 'wait' });
		// Another address is not affected.
		expect(
			(
				await signIn(
					db,
					{ username: 'tyler', password: 'correct horse', address: '198.51.100.1' },
					now
				)
			).ok
		).toBe(true);
	});

	it('refuses a switched-off account', async () => {
		const db = await withUser();
		db.update(users).set({ disabledAt: new Date() }).where(eq(users.username, 'tyler')).run();
		expect(
			(
				await signIn(
					db,
					{ username: 'tyler', password: 'correct horse', address: '10.0.0.1' },
					new Date()
				)
			).ok
		).toBe(false);
	});
});
