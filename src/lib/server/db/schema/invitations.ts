import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';

/**
 * A one-time invitation. Only the SHA-256 of the code is kept, so a copy of the
 * database cannot be used to join. `details` holds the JSON the invitee's account is made from.
 */
export const invitations = sqliteTable(
	'invitations',
	{
		id: text('id').primaryKey(),
		codeHash: text('code_hash').notNull().unique(),
		kind: text('kind', { enum: ['young_person', 'staff', 'reset'] }).notNull(),
		displayName: text('display_name').notNull(),
		details: text('details', { mode: 'json' }).notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		usedBy: text('used_by').references(() => users.id)
	},
	(t) => [
		index('invitations_created_by_idx').on(t.createdBy),
		index('invitations_used_by_idx').on(t.usedBy),
		index('invitations_expires_idx').on(t.expiresAt)
	]
);
export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;
