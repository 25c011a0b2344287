import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { statements } from './voice';

/**
 * A young person's complaint, made with "I want to complain": the statement holds their words;
 * this row is the complaints manager's stage-1 clock (Representations Procedure Regulations
 * 2006, reg 14). The due day is worked out from `receivedOn` and whether it was extended, never
 * stored, so it cannot disagree with the rule. The reason for an extension and the answer are
 * about the young person, so they are sealed like their words.
 */
export const complaints = sqliteTable(
	'complaints',
	{
		id: text('id').primaryKey(),
		statementId: text('statement_id')
			.notNull()
			.references(() => statements.id, { onDelete: 'cascade' }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The UK day it reached the council: the clock starts here. */
		receivedOn: text('received_on').notNull(),
		extendedAt: integer('extended_at', { mode: 'timestamp_ms' }),
		extendedById: text('extended_by_id').references(() => users.id, { onDelete: 'set null' }),
		extensionReasonSealed: text('extension_reason_sealed'),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		/** The UK day of the answer, which the clock compares with the due day. */
		answeredOn: text('answered_on'),
		answeredById: text('answered_by_id').references(() => users.id, { onDelete: 'set null' }),
		answerSealed: text('answer_sealed'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('complaints_statement_idx').on(t.statementId),
		index('complaints_young_person_idx').on(t.youngPersonId),
		// The complaints manager's list: unanswered first, oldest first.
		index('complaints_open_idx').on(t.answeredAt, t.receivedOn),
		index('complaints_extended_by_idx').on(t.extendedById),
		index('complaints_answered_by_idx').on(t.answeredById)
	]
);
export type Complaint = typeof complaints.$inferSelect;

/**
 * "I want an advocate", with the young person's yes to passing their name and words to the
 * advocacy service named in the council's settings. Without that yes no row is made: their
 * worker has the statement and talks it through with them. Hearth does not email the service
 * yet; the complaints manager sees the request and marks it passed on.
 */
export const advocacyRequests = sqliteTable(
	'advocacy_requests',
	{
		id: text('id').primaryKey(),
		statementId: text('statement_id')
			.notNull()
			.references(() => statements.id, { onDelete: 'cascade' }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		passedOnAt: integer('passed_on_at', { mode: 'timestamp_ms' }),
		passedOnById: text('passed_on_by_id').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('advocacy_requests_statement_idx').on(t.statementId),
		index('advocacy_requests_young_person_idx').on(t.youngPersonId),
		index('advocacy_requests_open_idx').on(t.passedOnAt, t.createdAt),
		index('advocacy_requests_passed_on_by_idx').on(t.passedOnById)
	]
);
export type AdvocacyRequest = typeof advocacyRequests.$inferSelect;
