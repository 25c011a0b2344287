import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { ALLEGATIONS, CHOSEN_ACTION_STATUSES, HELPED, ISSUE_STATUSES } from '../../../domain/forum';
import { users } from './accounts';
import { pledgePromises } from './offer';
import { safetyAlerts } from './voice';

/** A forum young people raise issues with: the Children in Care Council, the care leavers' forum, ... */
export const forums = sqliteTable('forums', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	description: text('description').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});
export type Forum = typeof forums.$inferSelect;

export const forumMembers = sqliteTable(
	'forum_members',
	{
		forumId: text('forum_id')
			.notNull()
			.references(() => forums.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.forumId, t.userId] }),
		index('forum_members_user_idx').on(t.userId)
	]
);

/**
 * An issue a young person raised. When an officer edits out personal details, the words as
 * first written are kept in the `original*` columns, for officers only.
 */
export const forumIssues = sqliteTable(
	'forum_issues',
	{
		id: text('id').primaryKey(),
		forumId: text('forum_id')
			.notNull()
			.references(() => forums.id),
		raisedBy: text('raised_by')
			.notNull()
			.references(() => users.id),
		/** False: the Board and the public never learn who raised it. */
		named: integer('named', { mode: 'boolean' }).notNull(),
		title: text('title').notNull(),
		whatIsWrong: text('what_is_wrong').notNull(),
		whatToChange: text('what_to_change').notNull(),
		originalTitle: text('original_title'),
		originalWhatIsWrong: text('original_what_is_wrong'),
		originalWhatToChange: text('original_what_to_change'),
		editedBy: text('edited_by').references(() => users.id),
		editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
		/** The officer who checked it and let the forum see it, and when. */
		approvedBy: text('approved_by').references(() => users.id),
		approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
		status: text('status', { enum: ISSUE_STATUSES }).notNull(),
		mergedInto: text('merged_into'),
		declineReason: text('decline_reason'),
		takenToBoardAt: integer('taken_to_board_at', { mode: 'timestamp_ms' }),
		answer: text('answer'),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('forum_issues_forum_idx').on(t.forumId, t.status, t.createdAt),
		index('forum_issues_raised_by_idx').on(t.raisedBy),
		index('forum_issues_status_idx').on(t.status, t.answeredAt),
		// The scorecard counts issues raised and answered in each quarter by these.
		index('forum_issues_created_idx').on(t.createdAt),
		index('forum_issues_answered_idx').on(t.answeredAt, t.createdAt)
	]
);
export type ForumIssue = typeof forumIssues.$inferSelect;

/** One support each. */
export const issueSupports = sqliteTable(
	'issue_supports',
	{
		issueId: text('issue_id')
			.notNull()
			.references(() => forumIssues.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.issueId, t.userId] }),
		index('issue_supports_user_idx').on(t.userId)
	]
);

/** "This is not OK here": a young person reports an issue; officers see reports first. */
export const issueReports = sqliteTable(
	'issue_reports',
	{
		id: text('id').primaryKey(),
		issueId: text('issue_id')
			.notNull()
			.references(() => forumIssues.id, { onDelete: 'cascade' }),
		reporterId: text('reporter_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Why they reported it, in their words (required from now on; older reports have none). */
		reason: text('reason').notNull().default(''),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('issue_reports_open_idx').on(t.resolvedAt, t.createdAt),
		uniqueIndex('issue_reports_once_idx').on(t.issueId, t.reporterId)
	]
);

/** Whether the answer helped, from those who raised or supported the issue. */
export const issueFeedback = sqliteTable(
	'issue_feedback',
	{
		issueId: text('issue_id')
			.notNull()
			.references(() => forumIssues.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		helped: text('helped', { enum: HELPED }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.issueId, t.userId] })]
);

export const boardMeetings = sqliteTable('board_meetings', {
	id: text('id').primaryKey(),
	meetingOn: text('meeting_on').notNull(),
	place: text('place').notNull(),
	attendees: text('attendees').notNull().default(''),
	minutes: text('minutes').notNull().default(''),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});
export type BoardMeeting = typeof boardMeetings.$inferSelect;

/** An agenda item: an issue taken to the Board, or another item by title. */
export const agendaItems = sqliteTable(
	'agenda_items',
	{
		id: text('id').primaryKey(),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => boardMeetings.id, { onDelete: 'cascade' }),
		issueId: text('issue_id').references(() => forumIssues.id),
		title: text('title').notNull(),
		position: integer('position').notNull()
	},
	(t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)]
);

export const boardActions = sqliteTable(
	'board_actions',
	{
		id: text('id').primaryKey(),
		issueId: text('issue_id').references(() => forumIssues.id),
		meetingId: text('meeting_id').references(() => boardMeetings.id),
		what: text('what').notNull(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id),
		dueOn: text('due_on').notNull(),
		status: text('status', { enum: CHOSEN_ACTION_STATUSES }).notNull(),
		progress: integer('progress').notNull().default(0),
		doneOn: text('done_on'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('board_actions_due_idx').on(t.status, t.dueOn),
		index('board_actions_owner_idx').on(t.ownerId),
		index('board_actions_issue_idx').on(t.issueId),
		// The scorecard: actions due in a quarter, and whether they were done by then.
		index('board_actions_due_on_idx').on(t.dueOn, t.doneOn)
	]
);
export type BoardAction = typeof boardActions.$inferSelect;

export const actionUpdates = sqliteTable(
	'action_updates',
	{
		id: text('id').primaryKey(),
		actionId: text('action_id')
			.notNull()
			.references(() => boardActions.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		status: text('status', { enum: CHOSEN_ACTION_STATUSES }).notNull(),
		progress: integer('progress').notNull(),
		note: text('note').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('action_updates_action_idx').on(t.actionId, t.createdAt)]
);

/** A measure the performance team enters for a quarter, with its target and comparators. */
export const scorecardEntries = sqliteTable(
	'scorecard_entries',
	{
		id: text('id').primaryKey(),
		measure: text('measure').notNull(),
		quarter: text('quarter').notNull(),
		value: real('value').notNull(),
		target: real('target'),
		national: real('national'),
		regional: real('regional'),
		enteredBy: text('entered_by')
			.notNull()
			.references(() => users.id),
		enteredAt: integer('entered_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('scorecard_entries_measure_quarter_idx').on(t.measure, t.quarter)]
);

/**
 * A participation officer turned a forum issue or a Pledge "tell us more" comment into a
 * safeguarding concern: a safety alert went to the young person's worker and the duty manager.
 * The words the concern is about are kept as they were then (sealed), whatever is edited later.
 * For an allegation against staff or a carer, who started the council's LADO process, when,
 * and the LADO contact and reference.
 */
export const safeguardingConcerns = sqliteTable(
	'safeguarding_concerns',
	{
		id: text('id').primaryKey(),
		alertId: text('alert_id')
			.notNull()
			.references(() => safetyAlerts.id),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		issueId: text('issue_id').references(() => forumIssues.id),
		promiseId: text('promise_id').references(() => pledgePromises.id),
		wordsSealed: text('words_sealed').notNull(),
		noteSealed: text('note_sealed').notNull(),
		allegation: text('allegation', { enum: ALLEGATIONS }).notNull(),
		raisedBy: text('raised_by')
			.notNull()
			.references(() => users.id),
		raisedAt: integer('raised_at', { mode: 'timestamp_ms' }).notNull(),
		ladoStartedBy: text('lado_started_by').references(() => users.id),
		ladoStartedAt: integer('lado_started_at', { mode: 'timestamp_ms' }),
		ladoContact: text('lado_contact'),
		ladoReference: text('lado_reference')
	},
	(t) => [
		uniqueIndex('safeguarding_concerns_alert_idx').on(t.alertId),
		index('safeguarding_concerns_issue_idx').on(t.issueId),
		index('safeguarding_concerns_young_person_idx').on(t.youngPersonId, t.promiseId)
	]
);
export type SafeguardingConcern = typeof safeguardingConcerns.$inferSelect;
