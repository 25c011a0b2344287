import { and, eq } from 'drizzle-orm';
import {
	TRANSLATABLE,
	overlay,
	translationState,
	type TranslatableType
} from '$lib/domain/translations';
import type { Db } from '../db';
import { contentTranslations, entitlements, pledgePromises, pledgeThemes } from '../db/schema';
import { recordAudit } from '../audit/log';

/** Every translation of one kind of item into `locale`, by item id. */
export function translationsOf(db: Db, type: TranslatableType, locale: string) {
	const rows =
		locale === 'en'
			? []
			: db
					.select()
					.from(contentTranslations)
					.where(
						and(eq(contentTranslations.entityType, type), eq(contentTranslations.locale, locale))
					)
					.all();
	return new Map(rows.map((row) => [row.entityId, row]));
}

/** Put `locale`'s words over a list of items, falling back to English item by item. */
export function translateAll<T extends { id: string }>(
	db: Db,
	type: TranslatableType,
	items: T[],
	locale: string
) {
	const translations = translationsOf(db, type, locale);
	return items.map((item) =>
		overlay(item, TRANSLATABLE[type], translations.get(item.id)?.fields, locale)
	);
}

/** The English of one item and when it last changed; null when there is no such item. */
export function englishOf(db: Db, type: TranslatableType, id: string) {
	if (type === 'pledge_theme') {
		const row = db.select().from(pledgeThemes).where(eq(pledgeThemes.id, id)).get();
		return row
			? { fields: { title: row.title, intro: row.intro ?? '' }, updatedAt: row.updatedAt }
			: null;
	}
	if (type === 'promise') {
		const row = db.select().from(pledgePromises).where(eq(pledgePromises.id, id)).get();
		return row ? { fields: { text: row.text }, updatedAt: row.updatedAt } : null;
	}
	const row = db.select().from(entitlements).where(eq(entitlements.id, id)).get();
	return row
		? {
				fields: {
					title: row.title,
					summary: row.summary,
					details: row.details,
					howToGet: row.howToGet,
					contact: row.contact
				},
				updatedAt: row.updatedAt
			}
		: null;
}

/** Everything officers can translate, with where each stands in `locale`. */
export function translationList(db: Db, locale: string) {
	const states = (
		type: TranslatableType,
		items: { id: string; label: string; updatedAt: Date }[]
	) => {
		const done = translationsOf(db, type, locale);
		return items.map((item) => ({
			type,
			id: item.id,
			label: item.label,
			state: translationState(done.get(item.id), item.updatedAt)
		}));
	};
	const themes = db.select().from(pledgeThemes).orderBy(pledgeThemes.position).all();
	const promises = db.select().from(pledgePromises).orderBy(pledgePromises.position).all();
	const offerItems = db.select().from(entitlements).orderBy(entitlements.position).all();
	return [
		...states(
			'pledge_theme',
			themes.map((t) => ({ id: t.id, label: t.title, updatedAt: t.updatedAt }))
		),
		...states(
			'promise',
			promises.map((p) => ({ id: p.id, label: p.text, updatedAt: p.updatedAt }))
		),
		...states(
			'entitlement',
			offerItems.map((e) => ({ id: e.id, label: e.title, updatedAt: e.updatedAt }))
		)
	];
}

/**
 * Save an officer's translation of one item. Empty fields are left out (the English shows
 * there); a translation with every field empty is removed. Recorded in the audit log.
 */
export function saveTranslation(
	db: Db,
	input: { type: TranslatableType; id: string; locale: string; fields: Record<string, string> },
	officerId: string,
	now: Date
): boolean {
	const english = englishOf(db, input.type, input.id);
	if (!english) return false;
	const fields = Object.fromEntries(
		TRANSLATABLE[input.type]
			.map((field) => [field, input.fields[field]?.trim() ?? ''] as const)
			.filter(([, words]) => words)
	);
	const key = and(
		eq(contentTranslations.entityType, input.type),
		eq(contentTranslations.entityId, input.id),
		eq(contentTranslations.locale, input.locale)
	);
	db.transaction((tx) => {
		if (!Object.keys(fields).length) {
			tx.delete(contentTranslations).where(key).run();
		} else {
			const values = {
				fields,
				sourceUpdatedAt: english.updatedAt,
				updatedBy: officerId,
				updatedAt: now
			};
			tx.insert(contentTranslations)
				.values({ entityType: input.type, entityId: input.id, locale: input.locale, ...values })
				.onConflictDoUpdate({
					target: [
						contentTranslations.entityType,
						contentTranslations.entityId,
						contentTranslations.locale
					],
					set: values
				})
				.run();
		}
		recordAudit(
			tx,
			{
				actorId: officerId,
				action: 'translation.saved',
				detail: `${input.type} ${input.id} (${input.locale})`
			},
			now
		);
	});
	return true;
}

/** One item's translation into `locale`, if any. */
export function translationOf(db: Db, type: TranslatableType, id: string, locale: string) {
	return (
		db
			.select()
			.from(contentTranslations)
			.where(
				and(
					eq(contentTranslations.entityType, type),
					eq(contentTranslations.entityId, id),
					eq(contentTranslations.locale, locale)
				)
			)
			.get() ?? null
	);
}
