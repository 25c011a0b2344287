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
		passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }).notNull(),
		/** The TOTP secret for a second factor, sealed with the data key; null when not set up. */
		totpKey: text('totp_key_sealed'),
		totpEnabledAt: integer('totp_enabled_at', { mode: 'timestamp_ms' }),
		/** The 30-second step of the last code used, so a code works once only. */
		totpLastStep: integer('totp_last_step'),
		/**
		 * A member of staff's work phone, set by them or an admin: what a duty manager rings at
		 * night. Never a young person's.
		 */
		workPhone: text('work_phone'),
		/** When an admin erased this person: their name and everything they wrote are gone. */
		erasedAt: integer('erased_at', { mode: 'timestamp_ms' })
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
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		/** Last request, to the minute: staff sessions end after a while without one. */
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }),
		/** When the second factor was given in this session; null until then. */
		secondFactorAt: integer('second_factor_at', { mode: 'timestamp_ms' }),
		/**
		 * Quick exit on this device: until the password is typed again, the session opens nothing
		 * (every signed-in page asks for it). Only this row: the person's other devices carry on.
		 */
		lockedAt: integer('locked_at', { mode: 'timestamp_ms' }),
		/**
		 * "With me": a worker linked to the young person gave their own password on the young
		 * person's device, so what is sent until `withWorkerUntil` is recorded as made together.
		 */
		withWorkerId: text('with_worker_id').references(() => users.id, { onDelete: 'set null' }),
		withWorkerUntil: integer('with_worker_until', { mode: 'timestamp_ms' })
	},
	(t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]
);

/** One-time recovery codes for a second factor: only their SHA-256 is kept. */
export const recoveryCodes = sqliteTable(
	'recovery_codes',
	{
		codeHash: text('code_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('recovery_codes_user_idx').on(t.userId)]
);
export type Session = typeof sessions.$inferSelect;

/**
 * Failed guesses counted for growing delays, by key: per subject across every client without a
 * trusted device, per device cookie, and per address for join codes (see auth/throttle.ts).
 */
export const signInThrottle = sqliteTable('sign_in_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
	lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull()
});
export type SignInThrottle = typeof signInThrottle.$inferSelect;

/**
 * Which subjects (a username's password, a person's second factor) failed from an address in the
 * last hour: an address is slowed by how many different people it guessed for, not by how often
 * one child mistyped, so a children's home on one connection is not locked out.
 */
export const signInAddressFailures = sqliteTable(
	'sign_in_address_failures',
	{
		address: text('address').notNull(),
		subject: text('subject').notNull(),
		lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.address, t.subject] }),
		index('sign_in_address_failures_at_idx').on(t.lastFailureAt)
	]
);
export type SignInAddressFailure = typeof signInAddressFailures.$inferSelect;
