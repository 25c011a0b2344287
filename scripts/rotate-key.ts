// npm run rotate-key: re-seal everything young people wrote under a new encryption key.
// Stop Hearth first: a running Hearth keeps the old key in memory.
//
// With a key file (the default): a new key is written beside the old as encryption.key.next,
// everything is re-sealed in one transaction, then the old key is kept as
// encryption.key.retired-<time> and the new one becomes encryption.key. If this stops half-way,
// Hearth can still read everything (it tries both keys); run the command again to finish.
//
// With HEARTH_ENCRYPTION_KEY: give the new key as HEARTH_NEW_ENCRYPTION_KEY; afterwards set
// HEARTH_ENCRYPTION_KEY to it wherever Hearth is started.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSealer, keyFromHex } from '../src/lib/server/crypto/sealer.ts';
import { resealAll } from '../src/lib/server/crypto/rotate.ts';

const dir = path.resolve(process.env.HEARTH_DATA_DIR || './data');
const dbFile = path.join(dir, 'hearth.db');
if (!existsSync(dbFile)) {
	console.error(`No Hearth database at ${dbFile}. Set HEARTH_DATA_DIR to the data folder.`);
	process.exit(1);
}
const client = new Database(dbFile);
client.pragma('busy_timeout = 5000');

const fromEnv = process.env.HEARTH_ENCRYPTION_KEY;
if (fromEnv) {
	const next = process.env.HEARTH_NEW_ENCRYPTION_KEY;
	if (!next) {
		console.error('Set HEARTH_NEW_ENCRYPTION_KEY to the new key (64 hex characters).');
		process.exit(1);
	}
	const count = resealAll(
		client,
		[createSealer(keyFromHex(fromEnv, 'HEARTH_ENCRYPTION_KEY'))],
		createSealer(keyFromHex(next, 'HEARTH_NEW_ENCRYPTION_KEY'))
	);
	console.log(
		`Re-sealed ${count} values. Now start Hearth with HEARTH_ENCRYPTION_KEY set to the new key.`
	);
} else {
	const keyFile = path.join(dir, 'encryption.key');
	const nextFile = path.join(dir, 'encryption.key.next');
	if (!existsSync(keyFile)) {
		console.error(`No key file at ${keyFile}: nothing has been sealed yet.`);
		process.exit(1);
	}
	const old = createSealer(keyFromHex(readFileSync(keyFile, 'utf8'), keyFile));
	// Finishing a rotation that stopped half-way: carry on with the key it had made.
	if (!existsSync(nextFile)) {
		writeFileSync(nextFile, randomBytes(32).toString('hex'), { mode: 0o600 });
		chmodSync(nextFile, 0o600);
	}
	const next = createSealer(keyFromHex(readFileSync(nextFile, 'utf8'), nextFile));
	const count = resealAll(client, [old, next], next);
	const retired = path.join(
		dir,
		`encryption.key.retired-${new Date().toISOString().replace(/[:.]/g, '-')}`
	);
	renameSync(keyFile, retired);
	renameSync(nextFile, keyFile);
	console.log(
		`Re-sealed ${count} values under a new key. The old key is kept as ${path.basename(retired)}: ` +
			'delete it once your backups made with it have expired.'
	);
}
client.close();
