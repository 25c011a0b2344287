// The data sets the benchmark runs on: the demo council (made by Hearth itself at first start)
// with a generated population added (bench/scale.ts). The national one takes minutes to make, so
// it is kept in bench/.data/national and reused while nothing it depends on has changed.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { createSealer, keyFromHex } from '../../src/lib/server/crypto/sealer.ts';
import { SIZES, generate, type BenchPeople, type SizeName } from '../scale.ts';
import { HEARTH_ENTRY, startServer } from './servers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What the data set depends on: if none of it changed, a national data set is reused. */
function stamp(size: SizeName) {
	const hash = createHash('sha256').update(size);
	for (const file of [
		'bench/scale.ts',
		...readdirSync(path.join(ROOT, 'drizzle')).map((f) => `drizzle/${f}`),
		'src/lib/server/demo/seed.ts',
		'src/lib/server/demo/content.ts'
	]) {
		const full = path.join(ROOT, file);
		if (statSync(full).isFile()) hash.update(readFileSync(full));
	}
	return hash.digest('hex');
}

/** A demo council with a generated population, in bench/.data/<size>. */
export async function prepare(
	size: SizeName,
	port: number,
	log: (line: string) => void
): Promise<{ dir: string; people: BenchPeople; seconds: number }> {
	const dir = path.join(ROOT, 'bench/.data', size);
	const stampFile = path.join(dir, 'bench-stamp.json');
	const wanted = stamp(size);
	if (size === 'national' && existsSync(stampFile)) {
		const saved = JSON.parse(readFileSync(stampFile, 'utf8'));
		if (saved.stamp === wanted) {
			log(`Reusing the ${size} data set in ${path.relative(ROOT, dir)}`);
			return { dir, people: saved.people, seconds: saved.seconds };
		}
	}
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	log(`Making the ${size} data set: the demo council, then the generated population`);
	const started = performance.now();
	// The demo council (content, forums, a Board) is made by Hearth itself at its first start.
	const seeding = await startServer(HEARTH_ENTRY, port, {
		NODE_ENV: 'development',
		HEARTH_DEMO: '1',
		HEARTH_DATA_DIR: dir
	});
	await seeding.stop();
	const key = keyFromHex(readFileSync(path.join(dir, 'encryption.key'), 'utf8'), 'encryption.key');
	const client = new Database(path.join(dir, 'hearth.db'));
	const people = generate(client, SIZES[size], {
		sealer: createSealer(key),
		log: (line) => log(`  ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
	});
	client.pragma('wal_checkpoint(TRUNCATE)');
	client.close();
	const seconds = (performance.now() - started) / 1000;
	writeFileSync(stampFile, JSON.stringify({ stamp: wanted, people, seconds }));
	return { dir, people, seconds };
}
