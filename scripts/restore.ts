// npm run restore -- <backup file> [--force]: put a backup in place as Hearth's database.
// Stop Hearth first. Without --force it refuses to replace a database that is there; with it,
// the one replaced is kept beside it as hearth.db.before-restore-<time>.
import path from 'node:path';
import { restoreDatabase } from '../src/lib/server/db/backup.ts';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
if (!file) {
	console.error('Usage: npm run restore -- <backup file> [--force]');
	process.exit(2);
}
const dataDir = path.resolve(process.env.HEARTH_DATA_DIR || './data');
try {
	const { restored, keptAs } = restoreDatabase(path.resolve(file), dataDir, {
		force: args.includes('--force'),
		// Hearth is stopped during a restore, so there is no Hearth clock: the kept file's name is wall time.
		now: new Date()
	});
	console.log(`Restored ${file} to ${restored}.`);
	if (keptAs) console.log(`The database it replaced is kept as ${keptAs}.`);
	console.log('Start Hearth with the same encryption key as when the backup was made.');
} catch (error) {
	console.error(`Restore refused: ${(error as Error).message}`);
	process.exit(1);
}
