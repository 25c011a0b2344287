import path from 'node:path';
import { dataDir } from '../config';
import { openDatabase, type Db } from './client';

export type { Db, Tx, Executor } from './client';

let instance: Db | undefined;

/** The app's one database, in the data folder, opened on first use. */
export function getDb(): Db {
	instance ??= openDatabase(path.join(dataDir(), 'hearth.db'));
	return instance;
}
