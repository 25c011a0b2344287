import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../config';

// Free text written by or about a young person is sealed with AES-256-GCM before it is stored.
// The key lives outside the database: HEARTH_ENCRYPTION_KEY (64 hex characters), or a key file
// made on first use in the data folder, readable by its owner only. Back the key up apart from
// the database: without it the sealed text cannot be read.
const VERSION = 'v1';
let key: Buffer | undefined;

function encryptionKey(): Buffer {
	if (key) return key;
	const fromEnv = process.env.HEARTH_ENCRYPTION_KEY;
	if (fromEnv) {
		if (!/^[0-9a-f]{64}$/i.test(fromEnv))
			throw new Error('HEARTH_ENCRYPTION_KEY must be 64 hex characters.');
		key = Buffer.from(fromEnv, 'hex');
		return key;
	}
	const file = path.join(dataDir(), 'encryption.key');
	if (!existsSync(file)) {
		writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
		chmodSync(file, 0o600);
	}
	key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
	return key;
}

/** Seal text for storage: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(text: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
	const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
	return [VERSION, iv, cipher.getAuthTag(), body]
		.map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
		.join('.');
}

/** Open sealed text. Throws if it was changed or sealed with another key. */
export function unseal(sealed: string): string {
	const [version, iv, tag, body] = sealed.split('.');
	if (version !== VERSION) throw new Error('Unknown sealed text version');
	const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64url'));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	return Buffer.concat([
		decipher.update(Buffer.from(body, 'base64url')),
		decipher.final()
	]).toString('utf8');
}

export const sealOptional = (text: string | null | undefined) => (text ? seal(text) : null);
export const unsealOptional = (sealed: string | null | undefined) =>
	sealed ? unseal(sealed) : null;
