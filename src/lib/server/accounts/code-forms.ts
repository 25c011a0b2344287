import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { refuse } from '../http/handlers';
import { recordFailure, throttleKey, waitBeforeTrying } from '../auth/throttle';

/** What a person is told about a code on the join and new-password pages. */
export const CODE_MESSAGES = {
	unknown: () => m.join_code_unknown(),
	used: () => m.join_code_used(),
	expired: () => m.join_code_expired()
};

/**
 * Guessing codes is slowed down like guessing passwords, per address, shared by the join and
 * new-password pages. `wait` is the refusal to return while the address must wait; `missed`
 * counts a code that matched nothing.
 */
export function codeGuesses(db: Db, address: string, now: Date) {
	const key = throttleKey('address', `join:${address}`);
	const waitMs = waitBeforeTrying(db, [key], now);
	return {
		wait:
			waitMs > 0
				? refuse({ code: m.signin_wait({ minutes: Math.ceil(waitMs / 60_000) }) }, 429)
				: null,
		missed: () => recordFailure(db, 'address', key, now)
	};
}
