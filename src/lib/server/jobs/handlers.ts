import type { Db } from '../db';
import { PUSH_JOB } from '../notify/notify';
import { pushJobHandler, type PushSender } from '../notify/push';
import { ESCALATION_JOB, escalateSafetyAlert } from '../voice/safety';
import { REVIEW_INVITE_JOB, REVIEW_REMINDER_JOB, reviewNoticeJob } from '../reviews/reviews';
import { CLEANUP_JOB, runDailyCleanup } from './cleanup';
import type { JobHandlers } from './runner';

/** Every kind of job Hearth runs, each at the runner's `now`. */
export function jobHandlers(options: { pushSender?: PushSender } = {}): JobHandlers {
	return {
		[ESCALATION_JOB]: (db: Db, payload, _job, now) => escalateSafetyAlert(db, payload, now),
		[REVIEW_INVITE_JOB]: (db: Db, payload, _job, now) =>
			reviewNoticeJob('invite')(db, payload, now),
		[REVIEW_REMINDER_JOB]: (db: Db, payload, _job, now) =>
			reviewNoticeJob('remind')(db, payload, now),
		[PUSH_JOB]: pushJobHandler(options.pushSender),
		[CLEANUP_JOB]: (db: Db) => {
			// The wall clock, not the runner's: this deletes expired sessions, and sessions live on
			// the wall clock (hooks.server.ts), so a browser test moving Hearth's clock on must not
			// end everyone else's.
			runDailyCleanup(db, new Date());
		}
	};
}
