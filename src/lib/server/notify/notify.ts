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
import { isStaff } from '$lib/domain/roles';
import { rolesOf } from '../auth/session';
import { enqueueJob } from '../jobs/queue';
import { preferencesOf } from './preferences';

export const PUSH_JOB = 'push.send';

/**
 * Tell people something: an in-app notice for each, and a Web Push to each of their devices
 * that may have one now. Pushes during quiet hours wait until they end, except safety notices
 * to staff, which are also the only ones sent `Urgency: high` (to wake a sleeping phone; the
 * push service sees that header, so nothing else carries it). Only the kind and a link inside
 * Hearth are kept; nothing personal.
 */
export function notify(
	db: Executor,
	recipients: string[],
	kind: NoticeKind,
	link: string,
	now: Date
): void {
	if (!link.startsWith('/') || link.startsWith('//'))
		throw new Error('A notice links inside Hearth only');
	const unique = [...new Set(recipients)];
	db.transaction((tx) => {
		for (const userId of unique) {
			tx.insert(notices).values({ id: newId(), userId, kind, link, createdAt: now }).run();
		}
		const devices = unique.length
			? tx.select().from(pushSubscriptions).where(inArray(pushSubscriptions.userId, unique)).all()
			: [];
		for (const userId of unique) {
			const roles = rolesOf(tx, userId);
			const preferences = preferencesOf(tx, userId, roles);
			if (!preferences.pushEnabled) continue;
			const urgent = isUrgent(kind) && isStaff(roles);
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
