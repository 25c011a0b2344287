import { expect, test } from '@playwright/test';
import { once } from 'node:events';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

// Its own Hearth, on its own port and data folder, so killing it harms no other test.
const hearth = new OwnHearth(port(2), 'crash');
test.afterEach(() => hearth.stop());
const startHearth = () => hearth.start();

test('killed mid-stream, Hearth keeps every statement it acknowledged, and each only once', async () => {
	test.setTimeout(120_000);
	let server = await startHearth();
	const api = await hearth.client('dan');
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
	server = await startHearth();
	const stored = () =>
		hearth.query<{ key: string; n: number }>(
			"select client_key as key, count(*) as n from statements where client_key like 'crash-%' group by client_key"
		);
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
