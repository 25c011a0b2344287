import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { recordAudit } from '../audit/log';
import { verifyAgainstNothing, verifyPassword } from './password';
import { guardGuess, passwordSubject, type GuessClient, type GuessResult } from './throttle';

export type SignInResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'wait'; waitMs: number };

/** Check a username and password, applying the growing delays. Says nothing about which part was wrong. */
export async function signIn(
	db: Db,
	input: { username: string; password: string } & GuessClient,
	now: Date
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
	input: { username: string; password: string } & GuessClient,
	now: Date
): Promise<SignInResult> {
	const user = db
		.select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.username, input.username.trim().toLowerCase()))
		.get();
	const result = await guardGuess(
		db,
		{ subject: passwordSubject(input.username), ownerId: user?.id ?? null },
		{ address: input.address, device: input.device },
		async () => {
			// An unknown username costs the same time as a known one.
			const valid = user
				? await verifyPassword(user.passwordHash, input.password)
				: (await verifyAgainstNothing(input.password), false);
			return valid && !user?.disabledAt;
		},
		now
	);
	return result.ok ? { ok: true, userId: user!.id } : result;
}

/**
 * A signed-in person's current password, asked for before they change it: the same count and
 * delays as signing in, so a borrowed phone cannot be used to guess it.
 */
export async function checkCurrentPassword(
	db: Db,
	input: { userId: string; password: string } & GuessClient,
	now: Date
): Promise<GuessResult> {
	const user = db
		.select({ username: users.username, passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, input.userId))
		.get();
	if (!user) return { ok: false, reason: 'wrong' };
	return guardGuess(
		db,
		{ subject: passwordSubject(user.username), ownerId: input.userId },
		{ address: input.address, device: input.device },
		() => verifyPassword(user.passwordHash, input.password),
		now
	);
}
