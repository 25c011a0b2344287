import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/client';
import {
	claimNextJob,
	enqueueJob,
	getJob,
	LEASE_MS,
	releaseClaimsOf,
	retryDelay,
	RetryJobLater
} from '$lib/server/jobs/queue';
import {
	processWorkerPrefix,
	runDueJobs,
	startJobRunner,
	type JobHandlers
} from '$lib/server/jobs/runner';
import {
	CLEANUP_JOB,
	nextCleanupTime,
	runDailyCleanup,
	scheduleDailyCleanup
} from '$lib/server/jobs/cleanup';
import { createInvitation } from '$lib/server/accounts/invitations';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { invitations, jobs, sessions } from '$lib/server/db/schema';
import { freshDb, makeStaff } from './db';

const T0 = new Date('2026-11-22T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function recorder() {
	const ran: unknown[] = [];
	const handlers: JobHandlers = { note: (_db, payload) => void ran.push(payload.n) };
	return { ran, handlers };
}

describe('jobs', () => {
	it('a restarted Hearth frees only the claims of the process that stopped, so they run at once', async () => {
		const db = freshDb();
		const { ran, handlers } = recorder();
		enqueueJob(db, 'note', { n: 'dead' }, {}, T0);
		enqueueJob(db, 'note', { n: 'other' }, {}, T0);
		enqueueJob(db, 'note', { n: 'pid 4321' }, {}, T0);
		// Process 432 died holding a claim; process 4321 (another, alive) holds one too.
		expect(claimNextJob(db, `${processWorkerPrefix(432)}abcd`, T0)).not.toBeNull();
		expect(claimNextJob(db, 'someone-else', T0)).not.toBeNull();
		expect(claimNextJob(db, `${processWorkerPrefix(4321)}efgh`, T0)).not.toBeNull();
		expect(await runDueJobs(db, { handlers, clock: () => at(1_000) })).toBe(0);

		expect(releaseClaimsOf(db, processWorkerPrefix(432))).toBe(1);
		expect(await runDueJobs(db, { handlers, clock: () => at(1_000) })).toBe(1);
		expect(ran).toEqual(['dead']);
		// Nothing done is freed again, and the others wait out their lease as before.
		expect(releaseClaimsOf(db, processWorkerPrefix(432))).toBe(0);
		expect(await runDueJobs(db, { handlers, clock: () => at(LEASE_MS) })).toBe(2);
	});

	it('runs a job that is due and leaves one that is not', async () => {
		const db = freshDb();
		const { ran, handlers } = recorder();
		enqueueJob(db, 'note', { n: 'now' }, {}, T0);
		enqueueJob(db, 'note', { n: 'later' }, { runAt: at(60_000) }, T0);
		expect(await runDueJobs(db, { handlers, clock: () => T0 })).toBe(1);
		expect(ran).toEqual(['now']);
		expect(await runDueJobs(db, { handlers, clock: () => at(59_999) })).toBe(0);
		expect(await runDueJobs(db, { handlers, clock: () => at(60_000) })).toBe(1);
		expect(ran).toEqual(['now', 'later']);
		// Done jobs never run again.
		expect(await runDueJobs(db, { handlers, clock: () => at(120_000) })).toBe(0);
	});

	it('retries a failing job with growing delays until it succeeds', async () => {
		const db = freshDb();
		let calls = 0;
		const handlers: JobHandlers = {
			flaky: () => {
				calls++;
				if (calls < 3) throw new Error(`failure ${calls}`);
			}
		};
		const id = enqueueJob(db, 'flaky', {}, {}, T0)!;
		await runDueJobs(db, { handlers, clock: () => T0 });
		expect(getJob(db, id)).toMatchObject({
			attempts: 1,
			lastError: 'failure 1',
			doneAt: null,
			failedAt: null
		});
		expect(getJob(db, id)!.runAt).toEqual(at(retryDelay(1)));
		await runDueJobs(db, { handlers, clock: () => at(retryDelay(1)) });
		expect(getJob(db, id)!.runAt).toEqual(at(retryDelay(1) + retryDelay(2)));
		await runDueJobs(db, { handlers, clock: () => at(retryDelay(1) + retryDelay(2)) });
		expect(getJob(db, id)).toMatchObject({
			attempts: 3,
			doneAt: at(retryDelay(1) + retryDelay(2))
		});
		expect(calls).toBe(3);
		expect([retryDelay(1), retryDelay(2), retryDelay(3), retryDelay(20)]).toEqual([
			30_000, 60_000, 120_000, 3_600_000
		]);
	});

	it('gives up after the most attempts and keeps the last error', async () => {
		const db = freshDb();
		const handlers: JobHandlers = {
			broken: () => {
				throw new Error('always');
			}
		};
		const id = enqueueJob(db, 'broken', {}, { maxAttempts: 2 }, T0)!;
		await runDueJobs(db, { handlers, clock: () => T0 });
		await runDueJobs(db, { handlers, clock: () => at(3_600_000) });
		expect(getJob(db, id)).toMatchObject({
			attempts: 2,
			lastError: 'always',
			failedAt: at(3_600_000)
		});
		expect(await runDueJobs(db, { handlers, clock: () => at(10 * 3_600_000) })).toBe(0);
	});

	it('waits until the time a handler names, when that is later than the back-off', async () => {
		const db = freshDb();
		const handlers: JobHandlers = {
			told: () => {
				throw new RetryJobLater('wait ten minutes', { at: at(10 * 60_000) });
			}
		};
		const id = enqueueJob(db, 'told', {}, {}, T0)!;
		await runDueJobs(db, { handlers, clock: () => T0 });
		expect(getJob(db, id)).toMatchObject({ attempts: 1, lastError: 'wait ten minutes' });
		expect(getJob(db, id)!.runAt).toEqual(at(10 * 60_000));
		expect(await runDueJobs(db, { handlers, clock: () => at(10 * 60_000 - 1) })).toBe(0);
		// A time sooner than the back-off does not cut it short.
		const soon = enqueueJob(db, 'soon', {}, {}, T0)!;
		const eager: JobHandlers = {
			soon: () => {
				throw new RetryJobLater('in a second', { at: at(1_000) });
			}
		};
		await runDueJobs(db, { handlers: eager, clock: () => T0 });
		expect(getJob(db, soon)!.runAt).toEqual(at(retryDelay(1)));
	});

	it('does not count a try the handler says is not a failure, and still backs off', async () => {
		const db = freshDb();
		const handlers: JobHandlers = {
			throttled: () => {
				throw new RetryJobLater('slow down', { countsAsTry: false });
			}
		};
		const id = enqueueJob(db, 'throttled', {}, { maxAttempts: 1 }, T0)!;
		for (let i = 0; i < 5; i++) await runDueJobs(db, { handlers, clock: () => at(i * 3_600_000) });
		expect(getJob(db, id)).toMatchObject({ attempts: 0, failedAt: null, doneAt: null });
		expect(getJob(db, id)!.runAt).toEqual(at(4 * 3_600_000 + retryDelay(1)));
	});

	it('keeps a job going past its tries when the handler says so, an hour apart', async () => {
		const db = freshDb();
		let open = true;
		const ranAt: number[] = [];
		let now = T0;
		const handlers: JobHandlers = {
			vital: () => {
				ranAt.push(now.getTime());
				throw open
					? new RetryJobLater('still needed', { keepTrying: true })
					: new Error('no longer needed');
			}
		};
		const id = enqueueJob(db, 'vital', {}, { maxAttempts: 3 }, T0)!;
		for (let i = 0; i < 10; i++) {
			await runDueJobs(db, { handlers, clock: () => now });
			now = getJob(db, id)!.runAt;
		}
		expect(getJob(db, id)).toMatchObject({ attempts: 10, failedAt: null });
		const gaps = ranAt.slice(1).map((t, i) => t - ranAt[i]);
		expect(gaps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map(retryDelay));
		expect(gaps.slice(-2)).toEqual([3_600_000, 3_600_000]);
		// Once the handler stops asking, the used-up tries end it.
		open = false;
		await runDueJobs(db, { handlers, clock: () => now });
		expect(getJob(db, id)!.failedAt).toEqual(now);
	});

	it('runs a job that fell due while the server was down when it comes back', async () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'hearth-jobs-')), 'hearth.db');
		const before = openDatabase(file);
		enqueueJob(before, 'note', { n: 'overnight' }, { runAt: at(60 * 60_000) }, T0);
		expect(await runDueJobs(before, { ...recorder(), clock: () => T0 })).toBe(0);
		before.$client.close(); // the server stops

		const after = openDatabase(file); // and starts again, much later
		const { ran, handlers } = recorder();
		expect(await runDueJobs(after, { handlers, clock: () => at(8 * 60 * 60_000) })).toBe(1);
		expect(ran).toEqual(['overnight']);
		after.$client.close();
	});

	it('lets only one of two workers (two connections) claim a job', async () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'hearth-jobs-')), 'hearth.db');
		const first = openDatabase(file);
		const second = openDatabase(file);
		enqueueJob(first, 'note', { n: 'once' }, {}, T0);
		const claims = [claimNextJob(first, 'worker-a', T0), claimNextJob(second, 'worker-b', T0)];
		expect(claims.filter(Boolean)).toHaveLength(1);

		// Racing whole runners: each job runs exactly once between them.
		for (let n = 0; n < 20; n++) enqueueJob(first, 'note', { n }, {}, T0);
		const a = recorder();
		const b = recorder();
		await Promise.all([
			runDueJobs(first, { handlers: a.handlers, clock: () => T0, workerId: 'a' }),
			runDueJobs(second, { handlers: b.handlers, clock: () => T0, workerId: 'b' })
		]);
		expect([...a.ran, ...b.ran].sort((x, y) => Number(x) - Number(y))).toEqual([
			...Array(20).keys()
		]);
		first.$client.close();
		second.$client.close();
	});

	it('takes over a job whose worker died mid-run once its lease runs out', async () => {
		const db = freshDb();
		const id = enqueueJob(db, 'note', { n: 'orphan' }, {}, T0)!;
		expect(claimNextJob(db, 'crashed', T0)?.id).toBe(id);
		expect(claimNextJob(db, 'other', at(LEASE_MS - 1))).toBeNull();
		expect(claimNextJob(db, 'other', at(LEASE_MS))?.id).toBe(id);
	});

	it('queues work with a unique key once only', () => {
		const db = freshDb();
		expect(enqueueJob(db, 'note', {}, { uniqueKey: 'k' }, T0)).not.toBeNull();
		expect(enqueueJob(db, 'note', {}, { uniqueKey: 'k' }, T0)).toBeNull();
		expect(db.select().from(jobs).all()).toHaveLength(1);
	});

	it('runs in the background once started, and stops when asked', async () => {
		const db = freshDb();
		const { ran, handlers } = recorder();
		const stop = startJobRunner(db, { handlers, clock: () => new Date(), intervalMs: 20 });
		enqueueJob(db, 'note', { n: 'background' }, {}, new Date());
		await expect.poll(() => ran, { timeout: 2000 }).toEqual(['background']);
		stop();
	});
});

describe('daily clean-up', () => {
	it('is booked for the next 03:00 in the UK, once', () => {
		expect(nextCleanupTime(new Date('2026-11-22T12:00:00Z'))).toEqual(
			new Date('2026-11-23T03:00:00Z')
		);
		// In summer 03:00 in London is 02:00 UTC.
		expect(nextCleanupTime(new Date('2026-07-01T02:30:00Z'))).toEqual(
			new Date('2026-07-02T02:00:00Z')
		);
		const db = freshDb();
		scheduleDailyCleanup(db, T0);
		scheduleDailyCleanup(db, T0);
		expect(
			db
				.select()
				.from(jobs)
				.all()
				.map((j) => j.kind)
		).toEqual([CLEANUP_JOB]);
	});

	it('removes expired sessions and invitations, keeps live ones, and books the next day', () => {
		const db = freshDb();
		const sam = makeStaff(db, 'sam', ['worker']);
		createSession(db, generateSessionToken(), sam, new Date('2026-09-01T00:00:00Z')); // expired 1 Oct
		createSession(db, generateSessionToken(), sam, T0);
		createInvitation(
			db,
			sam,
			{ kind: 'staff', displayName: 'Old', roles: ['iro'] },
			new Date('2026-10-01T00:00:00Z')
		);
		createInvitation(db, sam, { kind: 'staff', displayName: 'New', roles: ['iro'] }, T0);
		const result = runDailyCleanup(db, T0);
		expect(result).toMatchObject({ sessions: 1, expiredInvitations: 1 });
		expect(db.select().from(sessions).all()).toHaveLength(1);
		expect(db.select({ name: invitations.displayName }).from(invitations).all()).toEqual([
			{ name: 'New' }
		]);
		expect(
			db
				.select()
				.from(jobs)
				.all()
				.map((j) => j.runAt)
		).toEqual([new Date('2026-11-23T03:00:00Z')]);
	});
});
