import { ukToday } from '$lib/domain/people';
import { isProduction } from './config';

// The server's idea of now. Browser tests move it forward to see a safety alert escalate
// without waiting half an hour; that is allowed only when HEARTH_TEST_CLOCK=1 outside production.
let offsetMs = 0;

/** Now, as Hearth's time-based rules (escalations, waiting times) see it. */
export function now(): Date {
	return new Date(Date.now() + offsetMs);
}

/** Today's date in the UK (Europe/London), as YYYY-MM-DD, on the same clock as `now`. */
export function todayInUk(): string {
	return ukToday(now());
}

export function testClockAllowed(): boolean {
	return process.env.HEARTH_TEST_CLOCK === '1' && !isProduction();
}

/** Move the clock forward (tests only). */
export function advanceClock(ms: number): Date {
	if (!testClockAllowed()) throw new Error('The test clock is off');
	if (!Number.isFinite(ms) || ms < 0) throw new Error('The clock only moves forward');
	offsetMs += ms;
	return now();
}
