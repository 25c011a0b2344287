import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CARE_STATUSES, LEAVING_CARE_CATEGORIES, LINK_TYPES } from '../../../domain/people';
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
		/** The day this period of care began (YYYY-MM-DD): reviews are due from it. */
		careStartedOn: text('care_started_on'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	// With the id in the index, the Board's counts by status never read the table itself.
	(t) => [index('young_people_status_idx').on(t.careStatus, t.userId)]
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
