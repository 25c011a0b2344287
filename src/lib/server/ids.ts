import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { sha256 } from '@oslojs/crypto/sha2';
import { randomBytes } from 'node:crypto';

/** A random id with 120 bits of entropy, safe in URLs. */
export function newId(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(15));
}

/** SHA-256 of a secret, as lower-case hex: what we store instead of the secret. */
export function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}
