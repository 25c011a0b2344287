import type { Db } from './client';

/**
 * Run a write that must survive a power cut: what a young person told their worker, a safety
 * alert, their review answers. Hearth's connection runs with synchronous=NORMAL (in WAL mode a
 * crash of Hearth itself loses nothing; a power cut can lose the last commits). For these
 * writes it is FULL: the commit waits until the log is on disk before the young person is told
 * it was sent. The pragma cannot change inside a transaction, so it wraps the caller's.
 */
export function durably<T>(db: Db, write: () => T): T {
	const client = db.$client;
	if (client.inTransaction) return write(); // the outer caller decides
	client.pragma('synchronous = FULL');
	try {
		return write();
	} finally {
		client.pragma('synchronous = NORMAL');
	}
}
