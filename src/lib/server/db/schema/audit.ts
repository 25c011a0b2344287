import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';

/**
 * Append-only: triggers in the migrations refuse UPDATE and DELETE.
 * Names are not copied here; the log points at accounts.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorId: text('actor_id').references(() => users.id),
		action: text('action').notNull(),
		subjectUserId: text('subject_user_id').references(() => users.id),
		detail: text('detail'),
		address: text('address')
	},
	(t) => [
		index('audit_at_idx').on(t.at),
		index('audit_actor_idx').on(t.actorId, t.at),
		index('audit_subject_idx').on(t.subjectUserId, t.at),
		index('audit_action_idx').on(t.action, t.at)
	]
);
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
