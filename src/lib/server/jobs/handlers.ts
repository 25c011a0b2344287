import type { Db } from '../db';
import { PUSH_JOB } from '../notify/notify';
import { pushJobHandler, type PushSender } from '../notify/push';
import { ESCALATION_JOB, escalateSafetyAlert } from '../voice/safety';
import { REVIEW_INVITE_JOB, REVIEW_REMINDER_JOB, reviewNoticeJob } from '../reviews/reviews';
import { CLEANUP_JOB, runDailyCleanup } from './cleanup';
import type { JobHandlers } from './runner';

/** Every kind of job Hearth runs. */
export function jobHandlers(
	options: { pushSender?: PushSender; clock?: () => Date } = {}
): JobHandlers {
	const clock = options.clock ?? (() => new Date());
	return {
		[ESCALATION_JOB]: (db: Db, payload) => escalateSafetyAlert(db, payload, clock()),
		[REVIEW_INVITE_JOB]: (db: Db, payload) => reviewNoticeJob('invite')(db, payload, clock()),
		[REVIEW_REMINDER_JOB]: (db: Db, payload) => reviewNoticeJob('remind')(db, payload, clock()),
		[PUSH_JOB]: pushJobHandler(options.pushSender),
		[CLEANUP_JOB]: (db: Db) => {
			runDailyCleanup(db);
		}
	};
}
