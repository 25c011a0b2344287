import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Sealing with one key, and nothing else: no files, no settings, no imports of ours, so the
// key-rotation command (scripts/rotate-key.ts) can run it with plain Node.

const VERSION = 'v1';

export interface Sealer {
	seal(text: string): string;
	unseal(sealed: string): string;
}

/** Read a key written as 64 hex characters (32 bytes). */
export function keyFromHex(hex: string, where: string): Buffer {
	if (!/^[0-9a-f]{64}$/i.test(hex.trim())) throw new Error(`${where} must be 64 hex characters.`);
	return Buffer.from(hex.trim(), 'hex');
}

/** AES-256-GCM with a fresh 96-bit IV each time: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function createSealer(key: Buffer): Sealer {
	if (key.length !== 32) throw new Error('An encryption key is 32 bytes');
	return {
		seal(text) {
			const iv = randomBytes(12);
			const cipher = createCipheriv('aes-256-gcm', key, iv);
			const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
			return [VERSION, iv, cipher.getAuthTag(), body].map(encode).join('.');
		},
		unseal(sealed) {
			const [version, iv, tag, body] = sealed.split('.');
			if (version !== VERSION) throw new Error('Unknown sealed text version');
			const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
			decipher.setAuthTag(Buffer.from(tag, 'base64url'));
			return Buffer.concat([
				decipher.update(Buffer.from(body, 'base64url')),
				decipher.final()
			]).toString('utf8');
		}
	};
}

const encode = (part: string | Buffer) =>
	typeof part === 'string' ? part : part.toString('base64url');

/** Try each sealer in turn: during a key rotation, text may be under the old key or the new. */
export function unsealWithAny(sealers: readonly Sealer[], sealed: string): string {
	let last: unknown;
	for (const sealer of sealers) {
		try {
			return sealer.unseal(sealed);
		} catch (error) {
			last = error;
		}
	}
	throw last ?? new Error('No encryption key');
}
