import { DEFAULT_SETTINGS, getCouncilSettings } from '../council/settings';
import { eraseExpired } from '../privacy/records';
import { and, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { ukToday } from '$lib/domain/people';
import type { Db } from '../db';
import { invitations, jobs } from '../db/schema';
import { deleteExpiredSessions } from '../auth/session';
import { forgetOldFailures } from '../auth/throttle';
import { enqueueJob } from './queue';

export const CLEANUP_JOB = 'cleanup.daily';
/** Finished jobs are kept this long, so failures can be looked into. */
const KEEP_FINISHED_JOBS_MS = 30 * 24 * 60 * 60 * 1000;

/** The next 03:00 in the UK after `now`, when Hearth is quietest. */
export function nextCleanupTime(now: Date): Date {
	for (let hours = 1; hours <= 48; hours++) {
		const candidate = new Date(now.getTime() + hours * 3_600_000);
		const ukHour = Number(
			new Intl.DateTimeFormat('en-GB', {
				timeZone: 'Europe/London',
				hour: '2-digit',
				hourCycle: 'h23'
			}).format(candidate)
		);
		if (ukHour === 3) {
			candidate.setUTCMinutes(0, 0, 0);
			return candidate;
		}
	}
	return new Date(now.getTime() + 24 * 3_600_000);
}

/** Queue the daily clean-up unless one is already waiting; the day in its key stops doubles. */
export function scheduleDailyCleanup(db: Db, now: Date): void {
	const runAt = nextCleanupTime(now);
	enqueueJob(db, CLEANUP_JOB, {}, { runAt, uniqueKey: `${CLEANUP_JOB}:${ukToday(runAt)}` }, now);
}

/** Delete expired sessions and invitations, old finished jobs and old failed-guess counts, then book tomorrow's run. */
export function runDailyCleanup(db: Db, now: Date) {
	const result = db.transaction(() => {
		const sessions = deleteExpiredSessions(db, now);
		const expiredInvitations = db
			.delete(invitations)
			.where(and(isNull(invitations.usedAt), lt(invitations.expiresAt, now)))
			.run().changes;
		const cutoff = new Date(now.getTime() - KEEP_FINISHED_JOBS_MS);
		const oldJobs = db
			.delete(jobs)
			.where(
				or(
					and(isNotNull(jobs.doneAt), lt(jobs.doneAt, cutoff)),
					and(isNotNull(jobs.failedAt), lt(jobs.failedAt, cutoff))
				)
			)
			.run().changes;
		const oldFailures = forgetOldFailures(db, now);
		return { sessions, expiredInvitations, oldJobs, oldFailures };
	});
	// The council's retention rule (docs/PRIVACY.md): young people's words are erased in time.
	const months = getCouncilSettings(db)?.retentionMonths ?? DEFAULT_SETTINGS.retentionMonths;
	const erased = eraseExpired(db, months, now).length;
	scheduleDailyCleanup(db, now);
	return { ...result, erased };
}
