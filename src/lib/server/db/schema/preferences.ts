import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CONTRASTS, EXPRESS_SETTINGS, READING_FONTS, TEXT_SIZES } from '../../../domain/reading';
import { users } from './accounts';

/**
 * How one person likes Hearth to look, sound and read. No row means every default: the most
 * ordinary settings, and picture mode by age.
 */
export const userPreferences = sqliteTable('user_preferences', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	/** A shipped language code; null means "whatever this device or browser says". */
	locale: text('locale'),
	textSize: text('text_size', { enum: TEXT_SIZES }).notNull().default('standard'),
	font: text('font', { enum: READING_FONTS }).notNull().default('standard'),
	contrast: text('contrast', { enum: CONTRASTS }).notNull().default('standard'),
	speechRate: integer('speech_rate').notNull().default(100),
	express: text('express', { enum: EXPRESS_SETTINGS }).notNull().default('by_age'),
	/** Who last changed picture mode, when a worker did: the young person can see it was them. */
	expressSetBy: text('express_set_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
export type UserPreferences = typeof userPreferences.$inferSelect;
export type NewUserPreferences = typeof userPreferences.$inferInsert;

/**
 * The languages a council has turned on (English is always on). A language goes on only with
 * the name of the fluent speaker who checked its safety words, and when.
 */
export const councilLanguages = sqliteTable('council_languages', {
	code: text('code').primaryKey(),
	safetyCheckedBy: text('safety_checked_by').notNull(),
	safetyCheckedOn: text('safety_checked_on').notNull(),
	enabledBy: text('enabled_by').references(() => users.id, { onDelete: 'set null' }),
	enabledAt: integer('enabled_at', { mode: 'timestamp_ms' }).notNull()
});
export type CouncilLanguage = typeof councilLanguages.$inferSelect;

/**
 * A council's own words (a Pledge theme or promise, an entitlement) in another language, written
 * by an officer. `sourceUpdatedAt` is when the English was last changed at the time of
 * translating, so Hearth can say a translation needs looking at again.
 */
export const contentTranslations = sqliteTable(
	'content_translations',
	{
		entityType: text('entity_type', { enum: ['pledge_theme', 'promise', 'entitlement'] }).notNull(),
		entityId: text('entity_id').notNull(),
		locale: text('locale').notNull(),
		fields: text('fields', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		sourceUpdatedAt: integer('source_updated_at', { mode: 'timestamp_ms' }).notNull(),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.entityType, t.entityId, t.locale] }),
		index('content_translations_locale_idx').on(t.locale, t.entityType)
	]
);
export type ContentTranslation = typeof contentTranslations.$inferSelect;
