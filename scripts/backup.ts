// npm run backup [-- <file>]: a consistent copy of Hearth's database while Hearth runs.
// The copy goes to <file>, or to backups/hearth-<time>.db. The encryption key is not in it:
// back the key up apart (HEARTH_DATA_DIR/encryption.key, or HEARTH_ENCRYPTION_KEY).
import path from 'node:path';
import { backupDatabase } from '../src/lib/server/db/backup.ts';

const dataDir = path.resolve(process.env.HEARTH_DATA_DIR || './data');
const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
const destination = path.resolve(
	process.argv[2] ?? path.join(process.env.HEARTH_BACKUP_DIR || './backups', `hearth-${stamp}.db`)
);
try {
	await backupDatabase(dataDir, destination);
	console.log(`Backed up ${path.join(dataDir, 'hearth.db')} to ${destination}.`);
	console.log(
		'Keep the encryption key safe too, apart from this copy: without it the words young people wrote cannot be read.'
	);
} catch (error) {
	console.error(`Backup failed: ${(error as Error).message}`);
	process.exit(1);
}
