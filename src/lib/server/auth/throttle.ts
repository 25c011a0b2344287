import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { signInThrottle } from '../db/schema';

/**
 * Growing delays after failed sign-ins. Counted per username (whether or not the
 * account exists, so a lock says nothing about who has an account) and per address
 * (a higher allowance, since a children's home may share one connection).
 */
export const LIMITS = {
	username: { free: 5, baseMs: 30_000 },
	address: { free: 30, baseMs: 60_000 }
} as const;
export const MAX_LOCK_MS = 60 * 60 * 1000;
/** Failures older than this are forgotten. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

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
export function waitBeforeTrying(db: Db, keys: string[], now = new Date()): number {
	let wait = 0;
	for (const key of keys) {
		const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
		if (row?.lockedUntil && row.lockedUntil.getTime() > now.getTime()) {
			wait = Math.max(wait, row.lockedUntil.getTime() - now.getTime());
		}
	}
	return wait;
}

export function recordFailure(db: Db, kind: Kind, key: string, now = new Date()): void {
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
