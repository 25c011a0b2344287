import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import type { Job } from '../db/schema';
import { claimNextJob, completeJob, failJob } from './queue';

/**
 * What a job does, at the runner's `now`. It may return a promise; throwing means "try again
 * later" (a `RetryJobLater` says when, and whether the try counts).
 */
export type JobHandler = (db: Db, payload: Record<string, unknown>, job: Job, now: Date) => unknown;
export type JobHandlers = Record<string, JobHandler>;

export interface RunnerOptions {
	handlers: JobHandlers;
	/** Hearth's clock (`now` in ../clock), so a test that moves it sees its jobs come due. */
	clock: () => Date;
	workerId?: string;
	log?: (message: string) => void;
}

/** Run every job due now, one after another. Returns how many ran (done or failed). */
export async function runDueJobs(db: Db, options: RunnerOptions): Promise<number> {
	const { clock } = options;
	const workerId = options.workerId ?? randomUUID();
	let ran = 0;
	for (;;) {
		const job = claimNextJob(db, workerId, clock());
		if (!job) return ran;
		ran++;
		const handler = options.handlers[job.kind];
		try {
			if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
			await handler(db, job.payload, job, clock());
			completeJob(db, job, clock());
		} catch (error) {
			const outcome = failJob(db, job, error, clock());
			options.log?.(
				`Job ${job.id} (${job.kind}) ${outcome === 'failed' ? 'gave up' : 'will retry'}: ${String(error)}`
			);
		}
	}
}

/** How the runner of process `pid` names itself in the jobs it claims. */
export const processWorkerPrefix = (pid: number) => `worker-${pid}-`;

/** Start polling for due jobs. Returns a function that stops the loop. */
export function startJobRunner(
	db: Db,
	options: RunnerOptions & { intervalMs?: number }
): () => void {
	const interval = options.intervalMs ?? 2000;
	const workerId =
		options.workerId ?? `${processWorkerPrefix(process.pid)}${randomUUID().slice(0, 8)}`;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	const tick = async () => {
		try {
			await runDueJobs(db, { ...options, workerId });
		} catch (error) {
			options.log?.(`Job runner error: ${String(error)}`);
		}
		if (!stopped) {
			timer = setTimeout(tick, interval);
			timer.unref();
		}
	};
	timer = setTimeout(tick, 0);
	timer.unref();
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}
