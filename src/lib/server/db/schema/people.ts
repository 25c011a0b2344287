import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
	CARE_STATUSES,
	LEAVING_CARE_CATEGORIES,
	LEGAL_STATUSES,
	LINK_TYPES
} from '../../../domain/people';
import type { Condition } from '../../../domain/offer';
import { users } from './accounts';

/** What Hearth knows about a young person beyond their account. */
export const youngPeople = sqliteTable(
	'young_people',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		dateOfBirth: text('date_of_birth').notNull(),
		careStatus: text('care_status', { enum: CARE_STATUSES }).notNull(),
		leavingCareCategory: text('leaving_care_category', { enum: LEAVING_CARE_CATEGORIES }),
		/** Circumstances the Local Offer depends on (in higher education, young parent, ...). */
		conditions: text('conditions', { mode: 'json' }).$type<Condition[]>().notNull().default([]),
		/**
		 * Before periods of care were kept (care_episodes), the day the one period began. Moved into
		 * care_episodes by migration 0017; read by nothing new.
		 */
		careStartedOn: text('care_started_on'),
		/** The council's own child ID from its case-management system (the 903 return's CHILD). */
		councilChildId: text('council_child_id'),
		/** For a child already in care when Hearth came: the last review held before (YYYY-MM-DD). */
		lastReviewBeforeHearthOn: text('last_review_before_hearth_on'),
		/** An officer's override of the derived leaving-care category, and why (the reason sealed). */
		categoryOverride: text('category_override', { enum: LEAVING_CARE_CATEGORIES }),
		categoryOverrideReason: text('category_override_reason_sealed'),
		/** Where they live now: address, carer's name and phone, sealed as other personal text is. */
		placementSealed: text('placement_sealed'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		// With the id in the index, the Board's counts by status never read the table itself.
		index('young_people_status_idx').on(t.careStatus, t.userId),
		uniqueIndex('young_people_council_child_id_idx').on(t.councilChildId)
	]
);
export type YoungPerson = typeof youngPeople.$inferSelect;
export type NewYoungPerson = typeof youngPeople.$inferInsert;

/** A worker linked to a young person, for a time. Dates are ISO calendar dates (YYYY-MM-DD). */
export const workerLinks = sqliteTable(
	'worker_links',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPeople.userId, { onDelete: 'cascade' }),
		staffUserId: text('staff_user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		linkType: text('link_type', { enum: LINK_TYPES }).notNull(),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('worker_links_young_person_idx').on(t.youngPersonId),
		index('worker_links_staff_idx').on(t.staffUserId, t.startsOn)
	]
);
export type WorkerLink = typeof workerLinks.$inferSelect;
export type NewWorkerLink = typeof workerLinks.$inferInsert;

/**
 * A period of care (the 903 return's episode): a child can leave care and come back, and each
 * period has its own review schedule. Dates are YYYY-MM-DD. A legal status of null means it was
 * not recorded (periods moved from before this table existed).
 */
export const careEpisodes = sqliteTable(
	'care_episodes',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPeople.userId, { onDelete: 'cascade' }),
		startedOn: text('started_on').notNull(),
		legalStatus: text('legal_status', { enum: LEGAL_STATUSES }),
		/** The 903 placement type code (U1-U6 foster care, K2 children's home, and so on). */
		placementType: text('placement_type'),
		endedOn: text('ended_on'),
		/** The 903 reason the period ended (E11, E13, E4A, ...). */
		endReason: text('end_reason'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('care_episodes_young_person_idx').on(t.youngPersonId, t.startedOn)]
);
export type CareEpisode = typeof careEpisodes.$inferSelect;
export type NewCareEpisode = typeof careEpisodes.$inferInsert;
