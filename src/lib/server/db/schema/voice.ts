import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { ALERT_OUTCOMES, TEMPLATE_IDS, THEMES } from '../../../domain/voice';
import { users } from './accounts';

/**
 * Something a young person sent through one of the Voice templates. The answers (mood, chips
 * and words) are sealed with AES-256-GCM; only the template, the times and the themes are
 * in the clear, which is all the Board's counts need.
 */
export const statements = sqliteTable(
	'statements',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		template: text('template', { enum: TEMPLATE_IDS }).notNull(),
		recipientId: text('recipient_id')
			.notNull()
			.references(() => users.id),
		answersSealed: text('answers_sealed').notNull(),
		/** Made on the young person's device for each form, so a form sent twice is kept once. */
		clientKey: text('client_key').notNull(),
		/** The language the young person wrote in (a code from domain/languages). */
		language: text('language').notNull().default('en'),
		/** Sent in picture mode: taps on pictures, no typing. */
		express: integer('express', { mode: 'boolean' }).notNull().default(false),
		/** The worker who was with the young person ("with me"), when it was made together. */
		madeWithId: text('made_with_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		/** First opened by a worker: the "read" receipt. */
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		/** First reply from a worker: the "answered" receipt. */
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
		acknowledgedBy: text('acknowledged_by').references(() => users.id),
		caseRecordedAt: integer('case_recorded_at', { mode: 'timestamp_ms' }),
		caseRecordedBy: text('case_recorded_by').references(() => users.id),
		/** Latest word from each side, and when each side last looked: what is new for whom. */
		lastFromYoungPersonAt: integer('last_from_young_person_at', { mode: 'timestamp_ms' }).notNull(),
		lastFromWorkerAt: integer('last_from_worker_at', { mode: 'timestamp_ms' }),
		workerSeenAt: integer('worker_seen_at', { mode: 'timestamp_ms' }),
		youngPersonSeenAt: integer('young_person_seen_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('statements_client_key_idx').on(t.youngPersonId, t.clientKey),
		index('statements_young_person_idx').on(t.youngPersonId, t.createdAt),
		// Statements with a reply the young person has not seen: their home page counts these.
		index('statements_new_reply_idx')
			.on(t.youngPersonId)
			.where(
				sql`${t.lastFromWorkerAt} is not null and (${t.youngPersonSeenAt} is null or ${t.youngPersonSeenAt} < ${t.lastFromWorkerAt})`
			),
		// A worker's inbox reads only this index to find a page of unread and read statements.
		index('statements_recipient_idx').on(
			t.recipientId,
			t.lastFromYoungPersonAt,
			t.workerSeenAt,
			t.youngPersonId
		),
		index('statements_unanswered_idx').on(t.answeredAt, t.createdAt),
		index('statements_month_idx').on(t.createdAt, t.template)
	]
);
export type Statement = typeof statements.$inferSelect;
export type NewStatement = typeof statements.$inferInsert;

/** Themes on a statement: from its template at first, then as workers tag it. */
export const statementThemes = sqliteTable(
	'statement_themes',
	{
		statementId: text('statement_id')
			.notNull()
			.references(() => statements.id, { onDelete: 'cascade' }),
		theme: text('theme', { enum: THEMES }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.statementId, t.theme] }),
		index('statement_themes_theme_idx').on(t.theme, t.statementId)
	]
);
export type StatementTheme = typeof statementThemes.$inferSelect;

/** The conversation under a statement: replies from workers and from the young person, sealed. */
export const statementMessages = sqliteTable(
	'statement_messages',
	{
		id: text('id').primaryKey(),
		statementId: text('statement_id')
			.notNull()
			.references(() => statements.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		bodySealed: text('body_sealed').notNull(),
		clientKey: text('client_key').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('statement_messages_statement_idx').on(t.statementId, t.createdAt),
		uniqueIndex('statement_messages_client_key_idx').on(t.statementId, t.clientKey)
	]
);
export type StatementMessage = typeof statementMessages.$inferSelect;

/**
 * "Pass it on": each time a statement is handed to a colleague, who had it, who has it now, who
 * passed it, when and why. The statement keeps only its current holder (`recipientId`); this is
 * the record of how it got there, so the first recipient and every step stay true. The note is
 * about a young person, so it is sealed like their words.
 */
export const statementHandovers = sqliteTable(
	'statement_handovers',
	{
		id: text('id').primaryKey(),
		statementId: text('statement_id')
			.notNull()
			.references(() => statements.id, { onDelete: 'cascade' }),
		fromId: text('from_id')
			.notNull()
			.references(() => users.id),
		toId: text('to_id')
			.notNull()
			.references(() => users.id),
		byId: text('by_id')
			.notNull()
			.references(() => users.id),
		noteSealed: text('note_sealed').notNull(),
		/** Made for each form, so the same "Pass it on" sent twice passes it once. */
		clientKey: text('client_key').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('statement_handovers_statement_idx').on(t.statementId, t.at),
		uniqueIndex('statement_handovers_client_key_idx').on(t.statementId, t.clientKey),
		index('statement_handovers_from_idx').on(t.fromId),
		index('statement_handovers_to_idx').on(t.toId),
		index('statement_handovers_by_idx').on(t.byId)
	]
);
export type StatementHandover = typeof statementHandovers.$inferSelect;

export const ALERT_SOURCES = [
	'button',
	'statement',
	'picture',
	'forum_issue',
	'pledge_comment'
] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

/** "I feel unsafe": raised at once, and escalated until a member of staff acknowledges it. */
export const safetyAlerts = sqliteTable(
	'safety_alerts',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		statementId: text('statement_id').references(() => statements.id, { onDelete: 'set null' }),
		source: text('source', { enum: ALERT_SOURCES }).notNull(),
		clientKey: text('client_key').notNull(),
		raisedAt: integer('raised_at', { mode: 'timestamp_ms' }).notNull(),
		acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
		acknowledgedBy: text('acknowledged_by').references(() => users.id),
		/** How many escalation steps have run. */
		escalationStep: integer('escalation_step').notNull().default(0),
		/** Closed with an outcome: dealt with. Acknowledged first (closing acknowledges too). */
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		closedBy: text('closed_by').references(() => users.id),
		outcome: text('outcome', { enum: ALERT_OUTCOMES })
	},
	(t) => [
		uniqueIndex('safety_alerts_client_key_idx').on(t.youngPersonId, t.clientKey),
		index('safety_alerts_open_idx').on(t.acknowledgedAt, t.raisedAt),
		index('safety_alerts_young_person_idx').on(t.youngPersonId, t.raisedAt),
		index('safety_alerts_statement_idx').on(t.statementId),
		// The scorecard: alerts raised in a quarter, and how soon each was acknowledged.
		index('safety_alerts_raised_idx').on(t.raisedAt, t.acknowledgedAt),
		// Every manager's inbox: the alerts nobody has closed yet.
		index('safety_alerts_not_closed_idx').on(t.closedAt, t.raisedAt),
		index('safety_alerts_acknowledged_by_idx').on(t.acknowledgedBy),
		index('safety_alerts_closed_by_idx').on(t.closedBy)
	]
);
export type SafetyAlert = typeof safetyAlerts.$inferSelect;

export const ALERT_EVENTS = [
	'raised',
	'told',
	'escalated',
	'acknowledged',
	'noted',
	'closed'
] as const;

/** Every step taken on an alert, in order: raised, who was told, escalations, acknowledgement, notes, closing. */
export const safetyAlertEvents = sqliteTable(
	'safety_alert_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		alertId: text('alert_id')
			.notNull()
			.references(() => safetyAlerts.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ALERT_EVENTS }).notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorId: text('actor_id').references(() => users.id),
		/** How many people were told at this step. */
		toldCount: integer('told_count'),
		step: integer('step')
	},
	(t) => [
		index('safety_alert_events_alert_idx').on(t.alertId, t.at),
		index('safety_alert_events_actor_idx').on(t.actorId)
	]
);
export type SafetyAlertEvent = typeof safetyAlertEvents.$inferSelect;

/** Why someone was told of an alert: linked to the young person, on duty, a manager, or asked for. */
export const TOLD_REASONS = ['worker', 'on_duty', 'manager', 'also'] as const;
export type ToldReason = (typeof TOLD_REASONS)[number];

/** Each person told at a step ('told' or 'escalated'), by name: who knew, and when. */
export const safetyAlertTold = sqliteTable(
	'safety_alert_told',
	{
		eventId: integer('event_id')
			.notNull()
			.references(() => safetyAlertEvents.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		reason: text('reason', { enum: TOLD_REASONS }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.userId] }),
		index('safety_alert_told_user_idx').on(t.userId)
	]
);
export type SafetyAlertTold = typeof safetyAlertTold.$inferSelect;

/**
 * What staff did about an alert, in their own words: sealed like a statement's words. The young
 * person never sees these; they see only that the alert was seen and dealt with.
 */
export const safetyAlertNotes = sqliteTable(
	'safety_alert_notes',
	{
		id: text('id').primaryKey(),
		alertId: text('alert_id')
			.notNull()
			.references(() => safetyAlerts.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		bodySealed: text('body_sealed').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('safety_alert_notes_alert_idx').on(t.alertId, t.createdAt),
		index('safety_alert_notes_author_idx').on(t.authorId)
	]
);
export type SafetyAlertNote = typeof safetyAlertNotes.$inferSelect;

/** Managers mark themselves on duty; safety alerts reach them at once. */
export const managerDuty = sqliteTable('manager_duty', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	onDuty: integer('on_duty', { mode: 'boolean' }).notNull(),
	changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull()
});
export type ManagerDuty = typeof managerDuty.$inferSelect;
