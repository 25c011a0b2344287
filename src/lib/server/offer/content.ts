import { asc, eq, max } from 'drizzle-orm';
import type { Eligibility } from '$lib/domain/offer';
import type { Db } from '../db';
import { entitlements, pledgePromises, pledgeThemes, type Entitlement } from '../db/schema';
import { translateAll } from './translations';

/**
 * The Pledge, theme by theme, in `locale` where officers have translated it and in English
 * where not (each theme and promise says which language it is in).
 */
export function pledge(db: Db, locale = 'en') {
	const themes = db.select().from(pledgeThemes).orderBy(asc(pledgeThemes.position)).all();
	const promises = translateAll(
		db,
		'promise',
		db.select().from(pledgePromises).orderBy(asc(pledgePromises.position)).all(),
		locale
	);
	return translateAll(db, 'pledge_theme', themes, locale).map((theme) => ({
		id: theme.id,
		title: theme.title,
		intro: theme.intro,
		lang: theme.lang,
		inEnglish: theme.inEnglish,
		englishFields: theme.englishFields,
		promises: promises
			.filter((p) => p.themeId === theme.id)
			.map((p) => ({ id: p.id, text: p.text, lang: p.lang, inEnglish: p.inEnglish }))
	}));
}

export const eligibilityOf = (row: Entitlement): Eligibility => ({
	categories: row.categories,
	fromAge: row.fromAge,
	untilAge: row.untilAge,
	conditions: row.conditions
});

/** The whole Local Offer, in area order then the council's order, in `locale` where translated. */
export function offer(db: Db, locale = 'en') {
	const rows = db.select().from(entitlements).orderBy(asc(entitlements.position)).all();
	return translateAll(db, 'entitlement', rows, locale).map((row) => ({
		...row,
		eligibility: eligibilityOf(row)
	}));
}

export function entitlementBySlug(db: Db, slug: string, locale = 'en') {
	const row = db.select().from(entitlements).where(eq(entitlements.slug, slug)).get();
	if (!row) return null;
	const [translated] = translateAll(db, 'entitlement', [row], locale);
	return { ...translated, eligibility: eligibilityOf(row) };
}

/** When the published Pledge or Offer last changed. */
export function lastUpdated(db: Db, what: 'pledge' | 'offer'): Date | null {
	const table = what === 'pledge' ? pledgePromises : entitlements;
	const themeLatest =
		what === 'pledge'
			? db
					.select({ at: max(pledgeThemes.updatedAt) })
					.from(pledgeThemes)
					.get()?.at
			: null;
	const latest =
		db
			.select({ at: max(table.updatedAt) })
			.from(table)
			.get()?.at ?? null;
	if (!themeLatest) return latest;
	if (!latest) return themeLatest;
	return latest > themeLatest ? latest : themeLatest;
}

/** Whether a Pledge theme with this id exists: a promise is only added to a real one. */
export function pledgeThemeExists(db: Db, themeId: string): boolean {
	return !!db
		.select({ id: pledgeThemes.id })
		.from(pledgeThemes)
		.where(eq(pledgeThemes.id, themeId))
		.get();
}
