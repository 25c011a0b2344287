// Backup and restore of Hearth's database, for `npm run backup` and `npm run restore`.
// Plain Node imports only, so the scripts run without the app's build.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export const DB_FILE = 'hearth.db';

/** Is this file a Hearth database that SQLite finds whole? Throws with the reason when not. */
export function checkHearthDatabase(file: string): void {
	if (!existsSync(file)) throw new Error(`There is no file at ${file}.`);
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const ok = db.pragma('integrity_check', { simple: true });
		if (ok !== 'ok') throw new Error(`${file} is damaged: ${ok}`);
		const migrations = db
			.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'")
			.get() as { n: number };
		if (!migrations.n) throw new Error(`${file} is not a Hearth database.`);
	} finally {
		db.close();
	}
}

/**
 * A consistent copy of the live database, made with SQLite's online backup while Hearth keeps
 * running (readers and writers carry on; the copy is of one moment). Returns the copy's path.
 */
export async function backupDatabase(dataDir: string, destination: string): Promise<string> {
	const source = path.join(dataDir, DB_FILE);
	if (!existsSync(source)) throw new Error(`No Hearth database at ${source}.`);
	if (existsSync(destination))
		throw new Error(`${destination} already exists: choose another name.`);
	mkdirSync(path.dirname(destination), { recursive: true });
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		await db.backup(destination);
	} finally {
		db.close();
	}
	checkHearthDatabase(destination);
	return destination;
}

/**
 * Put a backup in place as the data folder's database. Refuses to replace a database that is
 * there unless `force` is given, and then keeps the one it replaces beside it. Hearth must be
 * stopped first: a running Hearth keeps the old file open.
 */
export function restoreDatabase(
	backup: string,
	dataDir: string,
	options: { force?: boolean; now: Date }
): { restored: string; keptAs: string | null } {
	checkHearthDatabase(backup);
	const target = path.join(dataDir, DB_FILE);
	let keptAs: string | null = null;
	if (existsSync(target)) {
		if (!options.force)
			throw new Error(
				`${target} already has a database. Stop Hearth, then run again with --force to replace it (the current one is kept beside it).`
			);
		// Fold the live log into the file first, so what is kept is whole.
		const live = new Database(target, { fileMustExist: true });
		live.pragma('wal_checkpoint(TRUNCATE)');
		live.close();
		const stamp = options.now.toISOString().replace(/[:.]/g, '-');
		keptAs = `${target}.before-restore-${stamp}`;
		renameSync(target, keptAs);
	}
	for (const extra of ['-wal', '-shm']) rmSync(target + extra, { force: true });
	mkdirSync(dataDir, { recursive: true });
	copyFileSync(backup, target);
	return { restored: target, keptAs };
}
