import { inArray } from 'drizzle-orm';
import {
	isUrgent,
	minutesUntilQuietEnds,
	ukMinuteOfDay,
	type NoticeKind
} from '$lib/domain/notices';
import type { Executor } from '../db';
import { notices, pushSubscriptions } from '../db/schema';
import { newId } from '../ids';
import { rolesOf } from '../auth/session';
import { enqueueJob } from '../jobs/queue';
import { preferencesOf } from './preferences';

export const PUSH_JOB = 'push.send';

/**
 * Tell people something: an in-app notice for each, and a Web Push to each of their devices
 * that may have one now. Pushes during quiet hours wait until they end, except urgent
 * safety notices. Only the kind and a link inside Hearth are kept; nothing personal.
 */
export function notify(
	db: Executor,
	recipients: string[],
	kind: NoticeKind,
	link: string,
	now = new Date()
): void {
	if (!link.startsWith('/') || link.startsWith('//'))
		throw new Error('A notice links inside Hearth only');
	const urgent = isUrgent(kind);
	const unique = [...new Set(recipients)];
	db.transaction((tx) => {
		for (const userId of unique) {
			tx.insert(notices).values({ id: newId(), userId, kind, link, createdAt: now }).run();
		}
		const devices = unique.length
			? tx.select().from(pushSubscriptions).where(inArray(pushSubscriptions.userId, unique)).all()
			: [];
		for (const userId of unique) {
			const preferences = preferencesOf(tx, userId, rolesOf(tx, userId));
			if (!preferences.pushEnabled) continue;
			let delayMinutes = 0;
			if (!urgent && preferences.quietStart && preferences.quietEnd) {
				delayMinutes = minutesUntilQuietEnds(
					ukMinuteOfDay(now),
					preferences.quietStart,
					preferences.quietEnd
				);
			}
			const runAt = new Date(now.getTime() + delayMinutes * 60_000);
			for (const device of devices.filter((d) => d.userId === userId)) {
				enqueueJob(
					tx,
					PUSH_JOB,
					{ subscriptionId: device.id, kind, link, urgent },
					{ runAt, maxAttempts: 6 },
					now
				);
			}
		}
	});
}
