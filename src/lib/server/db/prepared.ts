import type { Db } from './client';

// Queries that run on every request (the session, the roles, the bell), built and prepared once
// per database instead of on every call: building the SQL and preparing it cost more than
// running it. Each is keyed by name, per database, so tests with their own databases stay apart.
const byDb = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
	let queries = byDb.get(db);
	if (!queries) byDb.set(db, (queries = new Map()));
	if (!queries.has(name)) queries.set(name, build(db));
	return queries.get(name) as T;
}
