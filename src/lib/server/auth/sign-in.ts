import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { recordAudit } from '../audit/log';
import { verifyAgainstNothing, verifyPassword } from './password';
import { clearFailures, recordFailure, throttleKey, waitBeforeTrying } from './throttle';

export type SignInResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'wait'; waitMs: number };

/** Check a username and password, applying the growing delays. Says nothing about which part was wrong. */
export async function signIn(
	db: Db,
	input: { username: string; password: string; address: string },
	now = new Date()
): Promise<SignInResult> {
	const result = await checkPassword(db, input, now);
	if (result.ok)
		recordAudit(db, { actorId: result.userId, action: 'signed_in', address: input.address }, now);
	return result;
}

/**
 * The password check behind signing in, with the same growing delays: also used when a worker
 * proves who they are on a young person's phone ("with me") without signing in there.
 */
export async function checkPassword(
	db: Db,
	input: { username: string; password: string; address: string },
	now = new Date()
): Promise<SignInResult> {
	const usernameKey = throttleKey('username', input.username);
	const addressKey = throttleKey('address', input.address);
	const waitMs = waitBeforeTrying(db, [usernameKey, addressKey], now);
	if (waitMs > 0) return { ok: false, reason: 'wait', waitMs };

	const user = db
		.select()
		.from(users)
		.where(eq(users.username, input.username.trim().toLowerCase()))
		.get();
	const valid = user
		? await verifyPassword(user.passwordHash, input.password)
		: (await verifyAgainstNothing(input.password), false);

	if (!user || !valid || user.disabledAt) {
		recordFailure(db, 'username', usernameKey, now);
		recordFailure(db, 'address', addressKey, now);
		return { ok: false, reason: 'wrong' };
	}
	clearFailures(db, usernameKey);
	return { ok: true, userId: user.id };
}
