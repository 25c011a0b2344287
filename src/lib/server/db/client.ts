import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside `db.transaction((tx) => ...)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either: for writes that may run alone or inside a caller's transaction. */
export type Executor = Db | Tx;

/** Where the committed migrations are: beside the app when built, or the repo root in dev and tests. */
export function migrationsFolder(): string {
	const candidates = [
		process.env.HEARTH_MIGRATIONS_DIR,
		path.resolve('drizzle'),
		path.resolve(import.meta.dirname ?? '.', '../../../../drizzle')
	].filter((dir): dir is string => !!dir);
	const found = candidates.find((dir) => existsSync(path.join(dir, 'meta', '_journal.json')));
	if (!found) {
		throw new Error(
			`Hearth cannot find its database migrations (looked in ${candidates.join(', ')}). ` +
				'Run Hearth from the project folder or set HEARTH_MIGRATIONS_DIR.'
		);
	}
	return found;
}

/**
 * Open (or create) a Hearth database and bring it up to date.
 * `file` is a path, or ':memory:' for tests.
 */
export function openDatabase(file: string): Db {
	let client: Database.Database;
	try {
		client = new Database(file);
	} catch (error) {
		throw new Error(`Hearth cannot open its database at ${file}: ${(error as Error).message}`, {
			cause: error
		});
	}
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	client.pragma('synchronous = NORMAL');
	// SQLite's own page cache is 2 MB unless told: a large council's indexes need more to stay in
	// memory, and reading through a memory map saves a system call a page.
	client.pragma('cache_size = -65536');
	client.pragma('mmap_size = 268435456');
	const db = drizzle(client, { schema }) as Db;
	migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}
