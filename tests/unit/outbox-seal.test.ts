import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/server/auth/session';
import { deriveOutboxKey, OUTBOX_SECRET_FILE } from '$lib/server/crypto/outbox-key';
import {
	formToOutboxItem,
	openOutboxItem,
	sealOutboxItem,
	type StoredOutboxItem
} from '$lib/outbox';
import { importOutboxKey, openJson, sealJson } from '$lib/sealed-store';

// The endpoint makes its secret in the app's data folder: point it at a fresh one first.
process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'hearth-outbox-key-'));
delete process.env.HEARTH_OUTBOX_SECRET;
const { GET } = await import('../../src/routes/api/outbox-key/+server');

const WORDS = 'Mum did not come to family time again and I cried in the toilets';

/** Everything a stored record holds, bytes included, as text to search for the words. */
function everythingIn(value: unknown): string {
	if (value instanceof ArrayBuffer) return Buffer.from(value).toString('latin1');
	if (ArrayBuffer.isView(value))
		return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
	if (value && typeof value === 'object')
		return Object.entries(value)
			.map(([name, inner]) => `${name}=${everythingIn(inner)}`)
			.join('\n');
	return String(value);
}

const statementForm = () => {
	const form = new FormData();
	for (const [name, value] of [
		['clientKey', 'form-key-0001'],
		['owner', 'dan-id'],
		['recipientId', 'worker-id'],
		['mood', 'sad'],
		['more', WORDS]
	])
		form.append(name, value);
	return formToOutboxItem(new URL('http://localhost/me/say/worry?/send'), form, 1000)!;
};

const aKey = () => importOutboxKey(randomBytes(32).toString('base64url'));

describe('the outbox on a shared phone', () => {
	it('stores a statement sealed: none of its words, and it opens again with the same key', async () => {
		const key = await aKey();
		const item = statementForm();
		const stored = await sealOutboxItem(item, key);
		expect(stored).not.toBeNull();
		const text = everythingIn(stored);
		// The old outbox kept the words as typed: this is what the finding was.
		expect(everythingIn(item)).toContain('family time');
		for (const word of ['family time', 'toilets', 'worker-id', 'sad'])
			expect(text).not.toContain(word);
		expect(stored).toMatchObject({ key: 'form-key-0001', owner: 'dan-id', state: 'waiting' });
		expect(stored!.sealed!.iv).toHaveLength(12);
		expect(await openOutboxItem(stored!, key)).toEqual(item.body);
	});

	it('cannot be opened with another key, nor after a change, and is sealed afresh each time', async () => {
		const key = await aKey();
		const stored = (await sealOutboxItem(statementForm(), key))!;
		expect(await openOutboxItem(stored, await aKey())).toBeNull();
		expect(await openOutboxItem(stored, undefined)).toBeNull();
		const changed = new Uint8Array(stored.sealed!.data.slice(0));
		changed[0] ^= 1;
		const tampered: StoredOutboxItem = {
			key: stored.key,
			owner: stored.owner,
			kind: stored.kind,
			createdAt: stored.createdAt,
			state: stored.state,
			sealed: { iv: stored.sealed!.iv, data: changed.buffer }
		};
		expect(await openOutboxItem(tampered, key)).toBeNull();
		const again = (await sealOutboxItem(statementForm(), key))!;
		expect(everythingIn(again.sealed)).not.toBe(everythingIn(stored.sealed));
	});

	it('without a key keeps no statement (never as typed), but still keeps "I feel unsafe"', async () => {
		expect(await sealOutboxItem(statementForm(), undefined)).toBeNull();
		const form = new FormData();
		form.append('clientKey', 'unsafe-key-0001');
		form.append('owner', 'dan-id');
		const unsafe = formToOutboxItem(new URL('http://localhost/me/unsafe'), form, 1000)!;
		expect(await sealOutboxItem(unsafe, undefined)).toEqual({
			key: 'unsafe-key-0001',
			owner: 'dan-id',
			kind: 'unsafe',
			body: { clientKey: 'unsafe-key-0001' },
			createdAt: 1000,
			state: 'waiting'
		});
	});

	it('seals drafts the same way', async () => {
		const key = await aKey();
		const sealed = await sealJson(key, [['more', WORDS]]);
		expect(everythingIn(sealed)).not.toContain('toilets');
		expect(await openJson(key, sealed)).toEqual([['more', WORDS]]);
	});
});

describe('each young person has their own outbox key', () => {
	it('is the same each time for one person, and differs between people and secrets', () => {
		const secret = randomBytes(32);
		const dan = deriveOutboxKey(secret, 'dan-id');
		expect(dan).toHaveLength(32);
		expect(deriveOutboxKey(secret, 'dan-id').equals(dan)).toBe(true);
		expect(deriveOutboxKey(secret, 'amira-id').equals(dan)).toBe(false);
		expect(deriveOutboxKey(randomBytes(32), 'dan-id').equals(dan)).toBe(false);
		expect(() => deriveOutboxKey(randomBytes(16), 'dan-id')).toThrow();
	});
});

describe('GET /api/outbox-key', () => {
	const person = (id: string, roles: SessionUser['roles']): SessionUser => ({
		id,
		username: id,
		displayName: id,
		roles
	});
	const ask = (
		user: SessionUser | null,
		headers: Record<string, string> = {},
		locked: SessionUser | null = null
	) =>
		(async () => {
			try {
				const response = await GET({
					locals: {
						user,
						session: null,
						pending: null,
						locked: locked && { user: locked },
						endedBecause: null
					},
					url: new URL('http://localhost/api/outbox-key'),
					request: new Request('http://localhost/api/outbox-key', { headers }),
					getClientAddress: () => '127.0.0.1'
				} as never);
				return { status: response.status, body: await response.json(), response };
			} catch (thrown) {
				return { status: (thrown as { status: number }).status, body: null, response: null };
			}
		})();

	it('sends someone signed out to sign in, and refuses staff', async () => {
		expect((await ask(null)).status).toBe(303);
		for (const role of ['worker', 'manager', 'iro', 'admin', 'board_member'] as const)
			expect((await ask(person('staff-id', [role]))).status, role).toBe(403);
	});

	it('gives no key to a phone quick exit locked: its owner types their password first', async () => {
		const asked = await ask(null, {}, person('dan-id', ['young_person']));
		expect(asked.status).toBe(303);
		expect(asked.body).toBeNull();
	});

	it('refuses a request another site made', async () => {
		const asked = await ask(person('dan-id', ['young_person']), { 'sec-fetch-site': 'cross-site' });
		expect(asked.status).toBe(403);
	});

	it("gives a young person their own key, not anyone else's, never to be cached", async () => {
		const dan = await ask(person('dan-id', ['young_person']), { 'sec-fetch-site': 'same-origin' });
		expect(dan.status).toBe(200);
		expect(dan.body.owner).toBe('dan-id');
		expect(Buffer.from(dan.body.key, 'base64url')).toHaveLength(32);
		expect(dan.response!.headers.get('cache-control')).toBe('no-store');
		const again = await ask(person('dan-id', ['young_person']));
		expect(again.body.key).toBe(dan.body.key);
		const amira = await ask(person('amira-id', ['forum_member']));
		expect(amira.status).toBe(200);
		expect(amira.body.key).not.toBe(dan.body.key);
		// The secret is a file only its owner can read.
		const file = path.join(process.env.HEARTH_DATA_DIR!, OUTBOX_SECRET_FILE);
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});
});
