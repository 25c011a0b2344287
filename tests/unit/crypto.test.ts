import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '$lib/server/db/schema';
import { openDatabase } from '$lib/server/db/client';
import { createSealer, keyFromHex } from '$lib/server/crypto/sealer';
import { SEALED_COLUMNS, resealAll } from '$lib/server/crypto/rotate';
import { freshDb, makeStaff, makeYoungPerson } from './db';

const key = () => randomBytes(32);

function sealedTableColumns(): string[] {
	const found: string[] = [];
	for (const value of Object.values(schema)) {
		if (!(value instanceof SQLiteTable)) continue;
		for (const column of Object.values(getTableColumns(value))) {
			if (column.name.endsWith('_sealed')) found.push(`${getTableName(value)}.${column.name}`);
		}
	}
	return found.sort();
}

describe('sealing', () => {
	it('gives different ciphertext each time and refuses a changed one', () => {
		const sealer = createSealer(key());
		const a = sealer.seal('I feel scared at night');
		expect(a).not.toBe(sealer.seal('I feel scared at night'));
		expect(sealer.unseal(a)).toBe('I feel scared at night');
		const [v, iv, tag, body] = a.split('.');
		const flipped = Buffer.from(body, 'base64url');
		flipped[0] ^= 1;
		expect(() => sealer.unseal([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
		expect(() => createSealer(key()).unseal(a)).toThrow();
	});

	it('knows every sealed column in the schema, so a rotation misses none', () => {
		const listed = SEALED_COLUMNS.flatMap(({ table, columns }) =>
			columns.map((c) => `${table}.${c}`)
		);
		expect(listed.sort()).toEqual(sealedTableColumns());
	});
});

describe('key rotation', () => {
	it('re-seals every value under the new key, all or nothing', () => {
		const db = freshDb();
		const sam = makeStaff(db, 'sam', ['worker']);
		const maya = makeYoungPerson(db, 'maya', [{ staffUserId: sam, linkType: 'social_worker' }]);
		const oldKey = createSealer(key());
		const newKey = createSealer(key());
		const insert = db.$client.prepare(
			`insert into statements (id, young_person_id, template, recipient_id, answers_sealed, client_key, created_at, last_from_young_person_at)
			 values (?, ?, 'feeling', ?, ?, ?, 0, 0)`
		);
		insert.run('s1', maya, sam, oldKey.seal('{"more":"one"}'), 'k1');
		insert.run('s2', maya, sam, oldKey.seal('{"more":"two"}'), 'k2');
		expect(resealAll(db.$client, [oldKey], newKey)).toBe(2);
		const values = db.$client
			.prepare('select answers_sealed as v from statements order by id')
			.all() as { v: string }[];
		expect(values.map((row) => newKey.unseal(row.v))).toEqual(['{"more":"one"}', '{"more":"two"}']);
		expect(() => oldKey.unseal(values[0].v)).toThrow();

		// A value no key opens stops the rotation before anything changes.
		insert.run('s3', maya, sam, createSealer(key()).seal('stranger'), 'k3');
		const before = db.$client
			.prepare('select answers_sealed as v from statements order by id')
			.all();
		expect(() => resealAll(db.$client, [newKey], createSealer(key()))).toThrow();
		expect(
			db.$client.prepare('select answers_sealed as v from statements order by id').all()
		).toEqual(before);
	});

	it('npm run rotate-key swaps the key file and keeps the old one retired', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'hearth-rotate-'));
		const oldHex = key().toString('hex');
		writeFileSync(path.join(dir, 'encryption.key'), oldHex);
		const db = openDatabase(path.join(dir, 'hearth.db'));
		const sam = makeStaff(db, 'sam', ['worker']);
		const maya = makeYoungPerson(db, 'maya', [{ staffUserId: sam, linkType: 'social_worker' }]);
		const old = createSealer(keyFromHex(oldHex, 'old'));
		db.$client
			.prepare(
				`insert into statements (id, young_person_id, template, recipient_id, answers_sealed, client_key, created_at, last_from_young_person_at)
				 values ('s1', ?, 'feeling', ?, ?, 'k1', 0, 0)`
			)
			.run(maya, sam, old.seal('{"more":"kept safe"}'));
		db.$client.close();
		const out = execFileSync(process.execPath, ['scripts/rotate-key.ts'], {
			env: { ...process.env, HEARTH_DATA_DIR: dir, HEARTH_ENCRYPTION_KEY: '' },
			encoding: 'utf8'
		});
		expect(out).toMatch(/Re-sealed 1 values/);
		const newHex = readFileSync(path.join(dir, 'encryption.key'), 'utf8');
		expect(newHex).not.toBe(oldHex);
		expect(existsSync(path.join(dir, 'encryption.key.next'))).toBe(false);
		const retired = readdirSync(dir).find((name) => name.startsWith('encryption.key.retired-'))!;
		expect(readFileSync(path.join(dir, retired), 'utf8')).toBe(oldHex);
		const reopened = openDatabase(path.join(dir, 'hearth.db'));
		const sealed = (
			reopened.$client.prepare('select answers_sealed as v from statements').get() as { v: string }
		).v;
		expect(createSealer(keyFromHex(newHex, 'new')).unseal(sealed)).toBe('{"more":"kept safe"}');
		reopened.$client.close();
	});
});
