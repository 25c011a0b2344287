import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../config';
import { keyFromHex } from './sealer.ts';

// What a young person writes offline waits on their phone sealed with a key of their own, which
// the phone gets from here only while they are signed in (src/routes/api/outbox-key). Signed out,
// the phone holds ciphertext it cannot open. Each person's key is an HMAC of their id under one
// server secret, so it comes back the same after signing in again and nothing is stored per
// person. The secret is not the data key: rotating that must not lock what waits on phones.

export const OUTBOX_SECRET_FILE = 'outbox.key';
const LABEL = 'hearth-outbox-key-v1:';

/** A person's outbox key (32 bytes, for AES-256-GCM) under this secret. */
export function deriveOutboxKey(secret: Buffer, userId: string): Buffer {
	if (secret.length !== 32) throw new Error('The outbox secret is 32 bytes');
	return createHmac('sha256', secret)
		.update(LABEL + userId)
		.digest();
}

let secret: Buffer | undefined;

/**
 * The server's outbox secret: HEARTH_OUTBOX_SECRET (64 hex characters), or a file made on first
 * use in the data folder, readable by its owner only.
 */
function outboxSecret(): Buffer {
	if (secret) return secret;
	const fromEnv = process.env.HEARTH_OUTBOX_SECRET;
	if (fromEnv) return (secret = keyFromHex(fromEnv, 'HEARTH_OUTBOX_SECRET'));
	const file = path.join(dataDir(), OUTBOX_SECRET_FILE);
	if (!existsSync(file)) {
		writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
		chmodSync(file, 0o600);
	}
	return (secret = keyFromHex(readFileSync(file, 'utf8'), file));
}

/** This person's outbox key. Hand it only to a signed-in session of theirs. */
export const outboxKeyFor = (userId: string): Buffer => deriveOutboxKey(outboxSecret(), userId);
