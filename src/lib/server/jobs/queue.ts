import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db';
import { jobs, type Job } from '../db/schema';

export const DEFAULT_MAX_ATTEMPTS = 5;
/** How long a claimed job is held before another worker may take it over. */
export const LEASE_MS = 5 * 60 * 1000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60 * 1000;

export interface EnqueueOptions {
	runAt?: Date;
	maxAttempts?: number;
	uniqueKey?: string;
}

/** Queue work. With a `uniqueKey` already queued, nothing new is added and null comes back. */
export function enqueueJob(
	db: Executor,
	kind: string,
	payload: Record<string, unknown>,
	options: EnqueueOptions,
	now: Date
): number | null {
	const inserted = db
		.insert(jobs)
		.values({
			kind,
			payload,
			runAt: options.runAt ?? now,
			maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
			uniqueKey: options.uniqueKey ?? null,
			createdAt: now
		})
		.onConflictDoNothing({ target: jobs.uniqueKey })
		.returning({ id: jobs.id })
		.get();
	return inserted?.id ?? null;
}

/**
 * Claim the next due job for `workerId`, or null. One UPDATE picks and locks it, and SQLite
 * runs writes one at a time, so two workers (even in two processes) never claim the same job.
 */
export function claimNextJob(db: Db, workerId: string, now: Date): Job | null {
	const due = and(
		isNull(jobs.doneAt),
		isNull(jobs.failedAt),
		lte(jobs.runAt, now),
		or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now))
	);
	const next = db
		.select({ id: jobs.id })
		.from(jobs)
		.where(due)
		.orderBy(jobs.runAt, jobs.id)
		.limit(1);
	return (
		db
			.update(jobs)
			.set({ lockedBy: workerId, lockedUntil: new Date(now.getTime() + LEASE_MS) })
			.where(and(eq(jobs.id, sql`(${next})`), due))
			.returning()
			.get() ?? null
	);
}

/**
 * Free the jobs a stopped process had claimed, so they run now rather than when their lease
 * ends (a safety escalation must not wait five minutes because Hearth was restarted). Only that
 * process's claims: `lockedBy` starts with its `workerPrefix`. Returns how many were freed.
 */
export function releaseClaimsOf(db: Db, workerPrefix: string): number {
	return db
		.update(jobs)
		.set({ lockedBy: null, lockedUntil: null })
		.where(
			and(
				isNull(jobs.doneAt),
				isNull(jobs.failedAt),
				sql`substr(${jobs.lockedBy}, 1, ${workerPrefix.length}) = ${workerPrefix}`
			)
		)
		.run().changes;
}

export function completeJob(db: Db, job: Job, now: Date): void {
	db.update(jobs)
		.set({ doneAt: now, attempts: job.attempts + 1, lockedBy: null, lockedUntil: null })
		.where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, job.lockedBy!)))
		.run();
}

/** Wait before the next try: 30 s, 1 min, 2 min, ... up to an hour. */
export function retryDelay(attempts: number): number {
	return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

/**
 * What a handler may ask for instead of the usual back-off. `at`: not before then (a push
 * service's Retry-After). `countsAsTry: false`: this try is not held against the job (the
 * service said "too many requests", not "this failed"). `keepTrying`: not given up even when
 * the tries are used, for work that must go on while its reason lasts (an open safety alert).
 */
export interface RetryPlan {
	at?: Date;
	countsAsTry?: boolean;
	keepTrying?: boolean;
}

/** Thrown by a job handler to say how to try again; the runner records it like any failure. */
export class RetryJobLater extends Error {
	constructor(
		message: string,
		readonly plan: RetryPlan = {}
	) {
		super(message);
		this.name = 'RetryJobLater';
	}
}

/**
 * Record a failure: try again later with back-off, or give up once the attempts are used.
 * A `RetryJobLater` can move the next try later, leave the count alone or keep the job going.
 */
export function failJob(db: Db, job: Job, error: unknown, now: Date): 'retry' | 'failed' {
	const plan = error instanceof RetryJobLater ? error.plan : {};
	const counts = plan.countsAsTry !== false;
	const attempts = counts ? job.attempts + 1 : job.attempts;
	const message = error instanceof Error ? error.message : String(error);
	const givingUp = counts && !plan.keepTrying && attempts >= job.maxAttempts;
	// A try that does not count waits as long as a counted one would have.
	const backOff = now.getTime() + retryDelay(job.attempts + 1);
	const runAt = new Date(Math.max(backOff, plan.at?.getTime() ?? 0));
	db.update(jobs)
		.set({
			attempts,
			lastError: message.slice(0, 1000),
			lockedBy: null,
			lockedUntil: null,
			...(givingUp ? { failedAt: now } : { runAt })
		})
		.where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, job.lockedBy!)))
		.run();
	return givingUp ? 'failed' : 'retry';
}

export function getJob(db: Db, id: number): Job | null {
	return db.select().from(jobs).where(eq(jobs.id, id)).get() ?? null;
}
