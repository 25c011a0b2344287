import { expect, request as requests, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from './fixtures';

// Its own Hearth, on its own port and data folder, so killing it harms no other test.
const PORT = 4175;
const ORIGIN = `http://localhost:${PORT}`;

const started: ChildProcess[] = [];
test.afterEach(() => {
	for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startHearth(dataDir: string): Promise<ChildProcess> {
	if (await fetch(`${ORIGIN}/signin`).catch(() => null))
		throw new Error(`Something is already listening on port ${PORT}`);
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			HEARTH_DATA_DIR: dataDir,
			HEARTH_DEMO: '1'
		},
		stdio: 'ignore'
	});
	started.push(child);
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error('Hearth stopped while starting');
		const up = await fetch(`${ORIGIN}/signin`).catch(() => null);
		if (up?.ok) return child;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('Hearth did not start');
}

test('killed mid-stream, Hearth keeps every statement it acknowledged, and each only once', async () => {
	test.setTimeout(120_000);
	const dataDir = mkdtempSync(path.join(tmpdir(), 'hearth-crash-'));
	let server = await startHearth(dataDir);
	const api = await requests.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { origin: ORIGIN } });
	const signedIn = await api.post('/signin', {
		form: { username: 'dan', password: DEMO_PASSWORD },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(signedIn.status()).toBe(303);
	const form = await (await api.get('/me/say/feeling')).text();
	const recipientId = /name="recipientId"[^>]*value="([^"]+)"/.exec(form)?.[1];
	expect(recipientId).toBeTruthy();

	const send = (clientKey: string) =>
		api.post('/me/say/feeling?/send', {
			form: {
				mood: 'okay',
				feelings: 'calm',
				more: `Crash test ${clientKey}`,
				recipientId: recipientId!,
				clientKey
			},
			headers: { accept: 'text/html' },
			maxRedirects: 0,
			timeout: 5_000
		});

	// Four at a time, and the process is killed (no chance to tidy up) while they are in flight.
	const attempted: string[] = [];
	const acknowledged: string[] = [];
	let next = 0;
	let killed = false;
	const worker = async () => {
		while (!killed) {
			const key = `crash-key-${next++}`;
			attempted.push(key);
			const response = await send(key).catch(() => null);
			if (response?.status() === 303) acknowledged.push(key);
			if (!response) return;
		}
	};
	const workers = Array.from({ length: 4 }, worker);
	while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 5));
	server.kill('SIGKILL');
	killed = true;
	await once(server, 'exit');
	await Promise.all(workers);
	expect(acknowledged.length).toBeGreaterThanOrEqual(60);

	// After a restart: every acknowledged statement is there, and none twice.
	server = await startHearth(dataDir);
	const stored = () => {
		const db = new Database(path.join(dataDir, 'hearth.db'), { fileMustExist: true });
		try {
			return db
				.prepare(
					"select client_key as key, count(*) as n from statements where client_key like 'crash-%' group by client_key"
				)
				.all() as { key: string; n: number }[];
		} finally {
			db.close();
		}
	};
	const afterCrash = new Map(stored().map((row) => [row.key, row.n]));
	for (const key of acknowledged) expect(afterCrash.get(key), key).toBe(1);
	expect([...afterCrash.values()].every((n) => n === 1)).toBe(true);

	// The phone tries everything again (as the outbox would): still one of each.
	for (const key of attempted) {
		expect((await send(key)).status(), key).toBe(303);
	}
	const afterRetry = stored();
	expect(afterRetry).toHaveLength(attempted.length);
	expect(afterRetry.every((row) => row.n === 1)).toBe(true);

	await api.dispose();
	server.kill('SIGTERM');
	await once(server, 'exit');
});
