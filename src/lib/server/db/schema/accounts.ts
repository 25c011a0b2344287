import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../domain/roles';

/** A person who can sign in: a young person or a member of staff. */
export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		username: text('username').notNull().unique(),
		passwordHash: text('password_hash').notNull(),
		displayName: text('display_name').notNull(),
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('users_disabled_idx').on(t.disabledAt)]
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** A person can hold several roles. */
export const userRoles = sqliteTable(
	'user_roles',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.role] }), index('user_roles_role_idx').on(t.role)]
);
export type UserRole = typeof userRoles.$inferSelect;

/** Sessions as the Lucia guide teaches: the id is the SHA-256 of the token in the cookie. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]
);
export type Session = typeof sessions.$inferSelect;

/** Failed sign-in counts per username and per address, for growing delays. */
export const signInThrottle = sqliteTable('sign_in_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
	lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull()
});
export type SignInThrottle = typeof signInThrottle.$inferSelect;
