import type { Db } from '../db';
import { PUSH_JOB } from '../notify/notify';
import { pushJobHandler, type PushSender } from '../notify/push';
import { CLEANUP_JOB, runDailyCleanup } from './cleanup';
import type { JobHandlers } from './runner';

/** Every kind of job Hearth runs. Later areas (safety escalations, review reminders) add theirs here. */
export function jobHandlers(options: { pushSender?: PushSender } = {}): JobHandlers {
	return {
		[PUSH_JOB]: pushJobHandler(options.pushSender),
		[CLEANUP_JOB]: (db: Db) => {
			runDailyCleanup(db);
		}
	};
}
