import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '$lib/server/db/client';
import { backupDatabase, checkHearthDatabase, restoreDatabase } from '$lib/server/db/backup';
import { durably } from '$lib/server/db/durable';
import { statements } from '$lib/server/db/schema';
import { makeStaff, makeYoungPerson } from './db';

/** Open (or create) a Hearth database at `file` and add `count` statements, ids s<from> on. */
function write(file: string, count: number, from: number) {
	const db = openDatabase(file);
	const idOf = (username: string) =>
		(
			db.$client.prepare('select id from users where username = ?').get(username) as
				{ id: string } | undefined
		)?.id;
	const worker = idOf('worker') ?? makeStaff(db, 'worker', ['worker']);
	const child =
		idOf('child') ??
		makeYoungPerson(db, 'child', [{ staffUserId: worker, linkType: 'social_worker' }]);
	for (let i = from; i < from + count; i++) {
		const at = new Date(Date.UTC(2026, 10, 1, 12, i));
		db.insert(statements)
			.values({
				id: `s${i}`,
				youngPersonId: child,
				recipientId: worker,
				template: 'feeling',
				answersSealed: 'x',
				clientKey: `k${i}`,
				createdAt: at,
				lastFromYoungPersonAt: at
			})
			.run();
	}
	return db;
}

function statementIds(file: string): string[] {
	const db = new Database(file, { readonly: true });
	try {
		return (db.prepare('select id from statements order by id').all() as { id: string }[]).map(
			(row) => row.id
		);
	} finally {
		db.close();
	}
}

describe('backup and restore', () => {
	it('copy a running database, and put the copy back over later writes only when told to', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'hearth-backup-'));
		const live = write(path.join(dir, 'hearth.db'), 5, 0);
		// Hearth is still running (its connection is open, with writes in the log) during the backup.
		const copy = await backupDatabase(dir, path.join(dir, 'backups', 'one.db'));
		expect(statementIds(copy)).toEqual(['s0', 's1', 's2', 's3', 's4']);
		write(path.join(dir, 'hearth.db'), 3, 5);
		live.$client.close();
		expect(statementIds(path.join(dir, 'hearth.db'))).toHaveLength(8);

		// A database is there: refused without --force, and nothing changed.
		expect(() => restoreDatabase(copy, dir, { now: new Date() })).toThrow(/--force/);
		expect(statementIds(path.join(dir, 'hearth.db'))).toHaveLength(8);

		const { keptAs } = restoreDatabase(copy, dir, { force: true, now: new Date() });
		expect(statementIds(path.join(dir, 'hearth.db'))).toEqual(['s0', 's1', 's2', 's3', 's4']);
		// What it replaced is kept, whole, with the later writes.
		expect(keptAs && statementIds(keptAs)).toHaveLength(8);
		// And Hearth opens the restored one and carries on.
		const reopened = write(path.join(dir, 'hearth.db'), 1, 100);
		expect(reopened.select().from(statements).where(eq(statements.id, 's100')).get()).toBeDefined();
		reopened.$client.close();
	});

	it('refuse to back up over a file, and to restore what is not a whole Hearth database', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'hearth-backup-'));
		write(path.join(dir, 'hearth.db'), 1, 0).$client.close();
		const taken = path.join(dir, 'taken.db');
		writeFileSync(taken, 'something else');
		await expect(backupDatabase(dir, taken)).rejects.toThrow(/already exists/);
		expect(() => restoreDatabase(taken, path.join(dir, 'other'), { now: new Date() })).toThrow();
		const plain = path.join(dir, 'plain.db');
		const other = new Database(plain);
		other.exec('create table t (x)');
		other.close();
		expect(() => checkHearthDatabase(plain)).toThrow(/not a Hearth database/);
		expect(existsSync(path.join(dir, 'other', 'hearth.db'))).toBe(false);
	});
});

describe('durable writes', () => {
	it('commit with synchronous=FULL, then go back to NORMAL', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'hearth-durable-'));
		const db = openDatabase(path.join(dir, 'hearth.db'));
		const level = () => db.$client.pragma('synchronous', { simple: true });
		expect(level()).toBe(1); // NORMAL
		const during = durably(db, () => level());
		expect(during).toBe(2); // FULL
		expect(level()).toBe(1);
		expect(() =>
			durably(db, () => {
				throw new Error('refused');
			})
		).toThrow('refused');
		expect(level()).toBe(1);
		db.$client.close();
	});
});
