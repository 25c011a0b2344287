import type { Db } from '../db';
import { PUSH_JOB } from '../notify/notify';
import { pushJobHandler, type PushSender } from '../notify/push';
import { ESCALATION_JOB, escalateSafetyAlert } from '../voice/safety';
import { CLEANUP_JOB, runDailyCleanup } from './cleanup';
import type { JobHandlers } from './runner';

/** Every kind of job Hearth runs. Later areas (review reminders) add theirs here. */
export function jobHandlers(
	options: { pushSender?: PushSender; clock?: () => Date } = {}
): JobHandlers {
	const clock = options.clock ?? (() => new Date());
	return {
		[ESCALATION_JOB]: (db: Db, payload) => escalateSafetyAlert(db, payload, clock()),
		[PUSH_JOB]: pushJobHandler(options.pushSender),
		[CLEANUP_JOB]: (db: Db) => {
			runDailyCleanup(db);
		}
	};
}
