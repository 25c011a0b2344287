import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../config';
import { createSealer, keyFromHex, unsealWithAny, type Sealer } from './sealer.ts';

// Free text written by or about a young person is sealed with AES-256-GCM before it is stored.
// The key lives outside the database: HEARTH_ENCRYPTION_KEY (64 hex characters), or a key file
// made on first use in the data folder, readable by its owner only. Back the key up apart from
// the database: without it the sealed text cannot be read. `npm run rotate-key` changes it.

export const KEY_FILE = 'encryption.key';
/** Written by a key rotation before it starts, and renamed to KEY_FILE when it ends. */
export const NEXT_KEY_FILE = 'encryption.key.next';

let sealers: Sealer[] | undefined;

function loadSealers(): Sealer[] {
	if (sealers) return sealers;
	const fromEnv = process.env.HEARTH_ENCRYPTION_KEY;
	const dir = dataDir();
	const found: Sealer[] = [];
	if (fromEnv) {
		found.push(createSealer(keyFromHex(fromEnv, 'HEARTH_ENCRYPTION_KEY')));
	} else {
		const file = path.join(dir, KEY_FILE);
		if (!existsSync(file)) {
			writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
			chmodSync(file, 0o600);
		}
		found.push(createSealer(keyFromHex(readFileSync(file, 'utf8'), file)));
	}
	// A rotation stopped half-way leaves the new key beside the old: text may be under either.
	const next = path.join(dir, NEXT_KEY_FILE);
	if (existsSync(next)) found.push(createSealer(keyFromHex(readFileSync(next, 'utf8'), next)));
	sealers = found;
	return sealers;
}

/** Seal text for storage with the current key. */
export function seal(text: string): string {
	return loadSealers()[0].seal(text);
}

/** Open sealed text. Throws if it was changed or sealed with a key Hearth does not hold. */
export function unseal(sealed: string): string {
	return unsealWithAny(loadSealers(), sealed);
}

export const sealOptional = (text: string | null | undefined) => (text ? seal(text) : null);
export const unsealOptional = (sealed: string | null | undefined) =>
	sealed ? unseal(sealed) : null;
