import { eq } from 'drizzle-orm';
import { ageOn } from '$lib/domain/people';
import { expressModeOn, type ExpressSetting, type ReadingPreferences } from '$lib/domain/reading';
import type { Db } from '../db';
import { users, youngPeople } from '../db/schema';
import { recordAudit } from '../audit/log';
import { preferencesOf, savePreferences } from './preferences';

export interface ExpressState {
	on: boolean;
	setting: ExpressSetting;
	age: number | null;
	/** The worker who last chose the setting, when it was not the young person. */
	setByName: string | null;
}

/** Whether picture mode is on for this young person today, and why. */
export function expressState(db: Db, youngPersonId: string, today: string): ExpressState {
	const preferences = preferencesOf(db, youngPersonId);
	const profile = db
		.select({ dateOfBirth: youngPeople.dateOfBirth })
		.from(youngPeople)
		.where(eq(youngPeople.userId, youngPersonId))
		.get();
	const age = profile ? ageOn(profile.dateOfBirth, today) : null;
	const setBy = preferences.expressSetBy
		? db
				.select({ name: users.displayName })
				.from(users)
				.where(eq(users.id, preferences.expressSetBy))
				.get()
		: undefined;
	return {
		on: expressModeOn(preferences.express, age),
		setting: preferences.express,
		age,
		setByName: setBy?.name ?? null
	};
}

/**
 * Picture mode switched by a young person for themselves, or by a worker linked to them (the
 * caller checks the link). A worker's change is in the audit log.
 */
export function setExpress(
	db: Db,
	youngPersonId: string,
	setting: ExpressSetting,
	byUserId: string,
	now: Date
): void {
	db.transaction(() => {
		savePreferences(db, youngPersonId, { express: setting }, byUserId, now);
		if (byUserId !== youngPersonId)
			recordAudit(
				db,
				{
					actorId: byUserId,
					action: 'express.changed',
					subjectUserId: youngPersonId,
					detail: setting
				},
				now
			);
	});
}

/**
 * A young person's own reading and language choices, saved together. Picture mode counts as
 * their choice only when they change it: saving the page keeps the name of a worker who chose
 * it with them.
 */
export function saveOwnChoices(
	db: Db,
	youngPersonId: string,
	choices: ReadingPreferences & { locale: string },
	now: Date
): void {
	const { express, ...rest } = choices;
	db.transaction(() => {
		const before = preferencesOf(db, youngPersonId);
		savePreferences(db, youngPersonId, rest, youngPersonId, now);
		if (express !== before.express) setExpress(db, youngPersonId, express, youngPersonId, now);
	});
}
