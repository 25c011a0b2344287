import { eq } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import type { Db, Executor } from '../db';
import { noticePreferences } from '../db/schema';

export interface Preferences {
	pushEnabled: boolean;
	quietStart: string | null;
	quietEnd: string | null;
}

/**
 * Someone's choices, or the defaults: young people get no push notices until they turn them on
 * (the ICO Children's Code: most private by default); staff get them, as their work needs.
 */
export function preferencesOf(db: Executor, userId: string, roles: readonly Role[]): Preferences {
	const row = db.select().from(noticePreferences).where(eq(noticePreferences.userId, userId)).get();
	if (row)
		return { pushEnabled: row.pushEnabled, quietStart: row.quietStart, quietEnd: row.quietEnd };
	const youngPerson = roles.includes('young_person') || roles.includes('forum_member');
	return { pushEnabled: !youngPerson, quietStart: null, quietEnd: null };
}

export function savePreferences(db: Db, userId: string, preferences: Preferences, now: Date): void {
	const values = { ...preferences, updatedAt: now };
	db.insert(noticePreferences)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: noticePreferences.userId, set: values })
		.run();
}
