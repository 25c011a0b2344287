import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { careEpisodes } from './people';
import { EARLY_REVIEW_REASONS } from '../../../domain/reviews';

export const REVIEW_KINDS = ['child_in_care', 'pathway_plan'] as const;
export const REVIEW_STATUSES = ['scheduled', 'held', 'cancelled'] as const;

/**
 * A review meeting: a child in care's statutory review chaired by their IRO, or a care leaver's
 * pathway-plan review with their PA. Decisions and the letter to the young person are sealed.
 */
export const reviews = sqliteTable(
	'reviews',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: REVIEW_KINDS }).notNull(),
		chairId: text('chair_id')
			.notNull()
			.references(() => users.id),
		/** For reviews of children in care: the period of care it belongs to. */
		episodeId: text('episode_id').references(() => careEpisodes.id, { onDelete: 'set null' }),
		/** For reviews of children in care: which review this is, and when it is due (YYYY-MM-DD). */
		number: integer('number'),
		dueOn: text('due_on'),
		/** Date and time of the meeting, UK local time, YYYY-MM-DDTHH:MM. */
		meetingAt: text('meeting_at').notNull(),
		place: text('place').notNull(),
		status: text('status', { enum: REVIEW_STATUSES }).notNull(),
		heldOn: text('held_on'),
		participationCode: text('participation_code'),
		/** Whether the child's views reached the review through Hearth (sent before it was held). */
		viewsThroughApp: integer('views_through_app', { mode: 'boolean' }).notNull().default(false),
		decisionsSealed: text('decisions_sealed'),
		letterSealed: text('letter_sealed'),
		letterAt: integer('letter_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('reviews_young_person_idx').on(t.youngPersonId, t.meetingAt),
		index('reviews_chair_idx').on(t.chairId, t.status),
		index('reviews_held_idx').on(t.kind, t.heldOn)
	]
);
export type Review = typeof reviews.$inferSelect;

/** A child's "have your say" answers for one review: saved as they go, sent when ready. */
export const reviewConsultations = sqliteTable('review_consultations', {
	reviewId: text('review_id')
		.primaryKey()
		.references(() => reviews.id, { onDelete: 'cascade' }),
	answersSealed: text('answers_sealed').notNull(),
	savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
	sentAt: integer('sent_at', { mode: 'timestamp_ms' })
});
export type ReviewConsultation = typeof reviewConsultations.$inferSelect;

/**
 * An early review asked for (Care Planning Regulations 2010, reg. 33(3)(a) the IRO's request;
 * reg. 32(2) a change of placement): who asked, on what day, and why (sealed). It stays open
 * until a review of the child is held on or after that day.
 */
export const earlyReviewRequests = sqliteTable(
	'early_review_requests',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		episodeId: text('episode_id').references(() => careEpisodes.id, { onDelete: 'set null' }),
		reason: text('reason', { enum: EARLY_REVIEW_REASONS }).notNull(),
		askedBy: text('asked_by')
			.notNull()
			.references(() => users.id),
		askedOn: text('asked_on').notNull(),
		whySealed: text('why_sealed'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('early_review_requests_young_person_idx').on(t.youngPersonId, t.askedOn)]
);
export type EarlyReviewRequest = typeof earlyReviewRequests.$inferSelect;
