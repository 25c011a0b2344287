import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/*
 * `npm start` watches Hearth and starts it again when it stops, so a safety alert's escalation
 * never waits for a person to notice the server is down (scripts/serve.js). Here the serving
 * process is killed outright just before an alert must escalate, while it holds the job.
 */

const hearth = new OwnHearth(port(9), 'restart');
let watcher: ChildProcess | null = null;
let output = '';
test.afterAll(() => {
	if (watcher?.exitCode === null) watcher.kill('SIGKILL');
});

/** The process id of the Hearth the watcher started last. */
function servingPid(): number {
	const started = [...output.matchAll(/started Hearth \(process (\d+)\)/g)];
	return Number(started.at(-1)?.[1]);
}

async function answers(): Promise<boolean> {
	const response = await fetch(`${hearth.origin}/help`).catch(() => null);
	return response?.status === 200;
}

/** Milliseconds until Hearth answers again, up to a limit. */
async function timeUntilAnswering(limitMs: number): Promise<number> {
	const from = Date.now();
	while (Date.now() - from < limitMs) {
		if (await answers()) return Date.now() - from;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`Hearth did not answer within ${limitMs} ms`);
}

test('killed just before an alert must escalate, Hearth is back in seconds and escalates on time', async () => {
	test.setTimeout(90_000);
	watcher = spawn(process.execPath, ['scripts/serve.js', '--no-build'], {
		env: {
			...process.env,
			PORT: String(hearth.port),
			HOST: '127.0.0.1',
			ORIGIN: hearth.origin,
			HEARTH_DATA_DIR: hearth.dataDir,
			HEARTH_DEMO: '1'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	watcher.stdout!.on('data', (chunk) => (output += chunk));
	watcher.stderr!.on('data', (chunk) => (output += chunk));
	await timeUntilAnswering(30_000);
	const first = servingPid();
	expect(first).toBeGreaterThan(0);

	// Tyler taps "I feel unsafe".
	const cookie = await hearth.sessionCookie('tyler');
	const raised = await fetch(`${hearth.origin}/me/unsafe`, {
		method: 'POST',
		headers: {
			cookie,
			origin: hearth.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ clientKey: 'restart-test-alert' }),
		redirect: 'manual'
	});
	expect(raised.status).toBe(303);
	const alertId = new URL(raised.headers.get('location')!, 'http://x').pathname.split('/').at(-1)!;

	// Time passes (the first escalation falls due in a few seconds), and the serving process has
	// just claimed the escalation job when it is killed: no chance to finish or let go.
	const dueAt = Date.now() + 6_000;
	expect(
		hearth.execute(
			"update jobs set run_at = ?, locked_by = ?, locked_until = ? where kind = 'safety.escalate' and json_extract(payload, '$.alertId') = ?",
			dueAt,
			`worker-${first}-killed00`,
			Date.now() + 5 * 60_000,
			alertId
		)
	).toBe(1);
	process.kill(first, 'SIGKILL');
	const back = await timeUntilAnswering(10_000);
	expect(servingPid()).not.toBe(first);
	console.log(`restart: Hearth answered again ${back} ms after being killed`);
	expect(back).toBeLessThan(8_000);

	// The escalation runs when it is due, not when the dead process's five-minute lease runs out.
	let escalatedAt: number | undefined;
	for (let i = 0; i < 200 && !escalatedAt; i++) {
		escalatedAt = hearth.query<{ at: number }>(
			"select at from safety_alert_events where alert_id = ? and kind = 'escalated'",
			alertId
		)[0]?.at;
		if (!escalatedAt) await new Promise((resolve) => setTimeout(resolve, 100));
	}
	expect(escalatedAt, 'the alert escalated').toBeDefined();
	console.log(`restart: escalated ${escalatedAt! - dueAt} ms after it fell due`);
	expect(escalatedAt!).toBeGreaterThanOrEqual(dueAt);
	expect(escalatedAt! - dueAt).toBeLessThan(5_000);
	// Every manager was told at that step.
	const told = hearth.query<{ n: number }>(
		"select told_count as n from safety_alert_events where alert_id = ? and kind = 'escalated'",
		alertId
	)[0].n;
	expect(told).toBeGreaterThan(1);

	// Killed again straight away, it comes back again (the wait doubles to 2 s, then Hearth starts).
	const second = servingPid();
	process.kill(second, 'SIGKILL');
	const backAgain = await timeUntilAnswering(10_000);
	expect(servingPid()).not.toBe(second);
	expect(backAgain).toBeLessThan(12_000);

	// Stopping the watcher stops Hearth with it: nothing is left holding the port.
	const last = servingPid();
	watcher.kill('SIGTERM');
	await once(watcher, 'exit');
	expect(await answers()).toBe(false);
	expect(() => process.kill(last, 0)).toThrow();
});
