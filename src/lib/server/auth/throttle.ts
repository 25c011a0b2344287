import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { signInAddressFailures, signInThrottle } from '../db/schema';
import { hashSecret } from '../ids';
import { deviceFor } from './device-cookie';

/**
 * Growing delays after failed guesses, by what is counted: `untrusted` per subject across every
 * client without a trusted device (so a lock says nothing about whether the account exists);
 * `device` per device cookie; `address` per address for join and new-password codes.
 */
export const LIMITS = {
	untrusted: { free: 5, baseMs: 30_000 },
	device: { free: 5, baseMs: 30_000 },
	address: { free: 30, baseMs: 60_000 }
} as const;
export const MAX_LOCK_MS = 60 * 60 * 1000;
/** Failures older than this are forgotten. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
/**
 * An address that failed for this many different subjects within the window waits, without a
 * trusted device, until the oldest of them leaves the window. Ten children in one home mistyping
 * are ten subjects however often each mistypes; someone trying many usernames is many more.
 */
export const ADDRESS_SUBJECTS = { limit: 20, windowMs: 60 * 60 * 1000 } as const;

type Kind = keyof typeof LIMITS;

export function throttleKey(kind: Kind, value: string): string {
	return `${kind}:${value.trim().toLowerCase()}`;
}

/** How long the delay is after `failures` failures: nothing for the first few, then doubling, capped. */
export function lockDuration(kind: Kind, failures: number): number {
	const { free, baseMs } = LIMITS[kind];
	if (failures < free) return 0;
	return Math.min(baseMs * 2 ** (failures - free), MAX_LOCK_MS);
}

/** Milliseconds to wait before another try is allowed for any of the keys; 0 when free. */
export function waitBeforeTrying(db: Db, keys: string[], now: Date): number {
	let wait = 0;
	for (const key of keys) {
		const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
		if (row?.lockedUntil && row.lockedUntil.getTime() > now.getTime()) {
			wait = Math.max(wait, row.lockedUntil.getTime() - now.getTime());
		}
	}
	return wait;
}

export function recordFailure(db: Db, kind: Kind, key: string, now: Date): void {
	db.transaction((tx) => {
		const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
		const stale = !row || now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
		const failures = stale ? 1 : row.failures + 1;
		const lock = lockDuration(kind, failures);
		const values = {
			failures,
			lastFailureAt: now,
			lockedUntil: lock > 0 ? new Date(now.getTime() + lock) : null
		};
		tx.insert(signInThrottle)
			.values({ key, ...values })
			.onConflictDoUpdate({ target: signInThrottle.key, set: values })
			.run();
	});
}

export function clearFailures(db: Db, key: string): void {
	db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}

/**
 * Delete counts nobody will look at again (a day without a failure, as `recordFailure` forgets
 * them; an address's list after its hour): they hold usernames beside addresses. Daily clean-up.
 */
export function forgetOldFailures(db: Db, now: Date): number {
	const counts = db
		.delete(signInThrottle)
		.where(lt(signInThrottle.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)))
		.run().changes;
	const addresses = db
		.delete(signInAddressFailures)
		.where(
			lt(signInAddressFailures.lastFailureAt, new Date(now.getTime() - ADDRESS_SUBJECTS.windowMs))
		)
		.run().changes;
	return counts + addresses;
}

/** How long an address must wait because it failed for too many different subjects lately. */
export function addressWait(db: Db, address: string, now: Date): number {
	const since = new Date(now.getTime() - ADDRESS_SUBJECTS.windowMs);
	const times = db
		.select({ at: signInAddressFailures.lastFailureAt })
		.from(signInAddressFailures)
		.where(
			and(
				eq(signInAddressFailures.address, address),
				gt(signInAddressFailures.lastFailureAt, since)
			)
		)
		.orderBy(asc(signInAddressFailures.lastFailureAt))
		.all();
	if (times.length < ADDRESS_SUBJECTS.limit) return 0;
	// Free again once enough of the oldest have left the window to be under the limit.
	const freeing = times[times.length - ADDRESS_SUBJECTS.limit].at.getTime();
	return Math.max(0, freeing + ADDRESS_SUBJECTS.windowMs - now.getTime());
}

function recordAddressFailure(db: Db, address: string, subject: string, now: Date): void {
	db.transaction((tx) => {
		tx.delete(signInAddressFailures)
			.where(
				lt(signInAddressFailures.lastFailureAt, new Date(now.getTime() - ADDRESS_SUBJECTS.windowMs))
			)
			.run();
		tx.insert(signInAddressFailures)
			.values({ address, subject, lastFailureAt: now })
			.onConflictDoUpdate({
				target: [signInAddressFailures.address, signInAddressFailures.subject],
				set: { lastFailureAt: now }
			})
			.run();
	});
}

/** Who is guessing: their address, and the device cookie their browser sent, if any. */
export interface GuessClient {
	address: string;
	device?: string | undefined;
}

/**
 * What is guessed: the secret of `subject` (see `passwordSubject`, `secondFactorSubject`), and
 * the id of the person it belongs to, or null when there is no such account.
 */
export interface GuessTarget {
	subject: string;
	ownerId: string | null;
}

export type GuessResult =
	{ ok: true } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'wait'; waitMs: number };

/** A username's password, however it is asked for (sign-in, "with me", changing it). */
export const passwordSubject = (username: string) => `password:${username.trim().toLowerCase()}`;
/** A person's second factor: app codes and recovery codes together. */
export const secondFactorSubject = (userId: string) => `second-factor:${userId}`;

/**
 * The one rule for every guess at a secret (OWASP's device cookies). A browser holding a valid
 * device cookie for the secret's owner is counted on its own: failures from anywhere else never
 * hold it back, and one that keeps failing is locked and from then on treated like any other
 * browser. Every other browser shares one count per subject (so a guesser cannot try more by
 * changing address), and an address is slowed by how many different subjects failed from it.
 * `check` runs only when a try is allowed; a wait is told before any secret is checked, the same
 * for an account that exists and one that does not.
 */
export async function guardGuess(
	db: Db,
	target: GuessTarget,
	client: GuessClient,
	check: () => boolean | Promise<boolean>,
	now: Date
): Promise<GuessResult> {
	const device = deviceFor(client.device, target.ownerId);
	const deviceKey = device && `device:${hashSecret(`${target.subject}:${device.nonce}`)}`;
	if (deviceKey && waitBeforeTrying(db, [deviceKey], now) === 0) {
		if (!(await check())) {
			recordFailure(db, 'device', deviceKey, now);
			return { ok: false, reason: 'wrong' };
		}
		clearFailures(db, deviceKey);
		return { ok: true };
	}

	const subjectKey = throttleKey('untrusted', target.subject);
	const waitMs = Math.max(
		waitBeforeTrying(db, [subjectKey], now),
		addressWait(db, client.address, now)
	);
	if (waitMs > 0) return { ok: false, reason: 'wait', waitMs };
	if (!(await check())) {
		recordFailure(db, 'untrusted', subjectKey, now);
		recordAddressFailure(db, client.address, target.subject, now);
		return { ok: false, reason: 'wrong' };
	}
	clearFailures(db, subjectKey);
	return { ok: true };
}
