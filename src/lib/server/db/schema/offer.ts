import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
	FREQUENCIES,
	OFFER_AREAS,
	type CareLeaverCategory,
	type Condition
} from '../../../domain/offer';
import { users } from './accounts';
import { youngPeople } from './people';

import { PROMISE_RATINGS } from '../../../domain/offer';
export { PROMISE_RATINGS };
export const REQUEST_STATUSES = ['open', 'done', 'declined'] as const;

/** A theme of the Pledge, such as "Staying safe". */
export const pledgeThemes = sqliteTable('pledge_themes', {
	id: text('id').primaryKey(),
	title: text('title').notNull(),
	intro: text('intro'),
	position: integer('position').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
export type PledgeTheme = typeof pledgeThemes.$inferSelect;

/** One promise the council makes. */
export const pledgePromises = sqliteTable(
	'pledge_promises',
	{
		id: text('id').primaryKey(),
		themeId: text('theme_id')
			.notNull()
			.references(() => pledgeThemes.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		position: integer('position').notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('pledge_promises_theme_idx').on(t.themeId, t.position)]
);
export type PledgePromise = typeof pledgePromises.$inferSelect;

/** A young person's answer to "Is this promise kept for me?". The comment is sealed. */
export const promiseRatings = sqliteTable(
	'promise_ratings',
	{
		promiseId: text('promise_id')
			.notNull()
			.references(() => pledgePromises.id, { onDelete: 'cascade' }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPeople.userId, { onDelete: 'cascade' }),
		rating: text('rating', { enum: PROMISE_RATINGS }).notNull(),
		commentSealed: text('comment_sealed'),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.promiseId, t.youngPersonId] }),
		index('promise_ratings_young_person_idx').on(t.youngPersonId)
	]
);
export type PromiseRating = typeof promiseRatings.$inferSelect;

/** One entitlement in the Local Offer. Amounts are in pence. */
export const entitlements = sqliteTable(
	'entitlements',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		area: text('area', { enum: OFFER_AREAS }).notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		details: text('details').notNull(),
		amountPence: integer('amount_pence'),
		frequency: text('frequency', { enum: FREQUENCIES }),
		statutory: integer('statutory', { mode: 'boolean' }).notNull(),
		categories: text('categories', { mode: 'json' }).$type<CareLeaverCategory[]>().notNull(),
		fromAge: integer('from_age'),
		untilAge: integer('until_age'),
		conditions: text('conditions', { mode: 'json' }).$type<Condition[]>().notNull(),
		howToGet: text('how_to_get').notNull(),
		contact: text('contact').notNull(),
		position: integer('position').notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('entitlements_area_idx').on(t.area, t.position)]
);
export type Entitlement = typeof entitlements.$inferSelect;
export type NewEntitlement = typeof entitlements.$inferInsert;

/** "Ask my PA about this": the young person's message and the answer are sealed. */
export const offerRequests = sqliteTable(
	'offer_requests',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPeople.userId, { onDelete: 'cascade' }),
		entitlementId: text('entitlement_id')
			.notNull()
			.references(() => entitlements.id),
		messageSealed: text('message_sealed'),
		status: text('status', { enum: REQUEST_STATUSES }).notNull(),
		answerSealed: text('answer_sealed'),
		answeredBy: text('answered_by').references(() => users.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('offer_requests_young_person_idx').on(t.youngPersonId, t.createdAt),
		index('offer_requests_entitlement_idx').on(t.entitlementId),
		index('offer_requests_status_idx').on(t.status, t.createdAt),
		index('offer_requests_answered_by_idx').on(t.answeredBy)
	]
);
export type OfferRequest = typeof offerRequests.$inferSelect;

/**
 * Every saved version of a piece of content, for drafts, publishing and history. The live
 * tables hold what is published; a version is copied into them when it is published.
 */
export const contentVersions = sqliteTable(
	'content_versions',
	{
		id: text('id').primaryKey(),
		entityType: text('entity_type', { enum: ['entitlement', 'promise'] }).notNull(),
		entityId: text('entity_id').notNull(),
		data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		state: text('state', { enum: ['draft', 'published', 'superseded'] }).notNull(),
		note: text('note'),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('content_versions_entity_idx').on(t.entityType, t.entityId, t.createdAt),
		index('content_versions_created_by_idx').on(t.createdBy)
	]
);
export type ContentVersion = typeof contentVersions.$inferSelect;
