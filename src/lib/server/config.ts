import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** The one folder that holds the database, keys and uploads. */
export function dataDir(): string {
	const dir = path.resolve(process.env.HEARTH_DATA_DIR || './data');
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** Demo data may be loaded only outside production. */
export function isProduction(): boolean {
	return process.env.NODE_ENV === 'production';
}
