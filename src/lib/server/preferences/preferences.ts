import { eq, sql } from 'drizzle-orm';
import {
	DEFAULT_PREFERENCES,
	SPEECH_RATES,
	type ReadingPreferences,
	type SpeechRate
} from '$lib/domain/reading';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { userPreferences } from '../db/schema';

export interface Preferences extends ReadingPreferences {
	locale: string | null;
	/** Set when a worker, not the young person, last chose picture mode. */
	expressSetBy: string | null;
}

const DEFAULTS: Preferences = { ...DEFAULT_PREFERENCES, locale: null, expressSetBy: null };

/** A person's preferences, with the defaults where they have chosen nothing. Runs on every page. */
export function preferencesOf(db: Db, userId: string): Preferences {
	const row = prepared(db, 'preferences', (db) =>
		db
			.select()
			.from(userPreferences)
			.where(eq(userPreferences.userId, sql.placeholder('userId')))
			.prepare()
	).get({ userId });
	if (!row) return { ...DEFAULTS };
	return {
		locale: row.locale,
		textSize: row.textSize,
		font: row.font,
		contrast: row.contrast,
		speechRate: (SPEECH_RATES as readonly number[]).includes(row.speechRate)
			? (row.speechRate as SpeechRate)
			: 100,
		express: row.express,
		expressSetBy: row.expressSetBy
	};
}

/**
 * Save some of a person's preferences, keeping the rest. `setBy` is who chose: when a worker
 * changes picture mode for a young person, that is remembered so the young person can see it.
 */
export function savePreferences(
	db: Db,
	userId: string,
	change: Partial<ReadingPreferences & { locale: string | null }>,
	setBy: string,
	now: Date
): Preferences {
	const current = preferencesOf(db, userId);
	const next = { ...current, ...change };
	if (change.express !== undefined) next.expressSetBy = setBy === userId ? null : setBy;
	const values = {
		locale: next.locale,
		textSize: next.textSize,
		font: next.font,
		contrast: next.contrast,
		speechRate: next.speechRate,
		express: next.express,
		expressSetBy: next.expressSetBy,
		updatedAt: now
	};
	db.insert(userPreferences)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: userPreferences.userId, set: values })
		.run();
	return next;
}
