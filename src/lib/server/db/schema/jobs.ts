import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Durable scheduled work. A job is claimed by setting `lockedBy`/`lockedUntil` in one UPDATE,
 * so two workers never run it at once; a worker that dies leaves a lease that runs out.
 */
export const jobs = sqliteTable(
	'jobs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind').notNull(),
		runAt: integer('run_at', { mode: 'timestamp_ms' }).notNull(),
		payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		attempts: integer('attempts').notNull().default(0),
		maxAttempts: integer('max_attempts').notNull(),
		lastError: text('last_error'),
		lockedBy: text('locked_by'),
		lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
		doneAt: integer('done_at', { mode: 'timestamp_ms' }),
		failedAt: integer('failed_at', { mode: 'timestamp_ms' }),
		/** Set for work that must be queued once only, such as one daily clean-up per day. */
		uniqueKey: text('unique_key').unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('jobs_due_idx').on(t.doneAt, t.failedAt, t.runAt),
		index('jobs_kind_idx').on(t.kind, t.runAt)
	]
);
export type Job = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;
