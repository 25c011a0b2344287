import { m } from '$lib/paraglide/messages';

/** What a person is told while their tries are held back: plainly, and how long to wait. */
export function waitMessage(waitMs: number): string {
	return waitMs < 90_000
		? m.signin_wait_seconds()
		: m.signin_wait({ minutes: Math.ceil(waitMs / 60_000) });
}
