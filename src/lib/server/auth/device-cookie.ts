import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../config';
import { newId } from '../ids';

// OWASP's "device cookies": a browser where someone has signed in before carries a signed note
// saying so, and its guesses are counted apart from everyone else's, so failures from elsewhere
// never keep the owner out of their own phone. The note proves nothing about who is signing in
// (the password still does that); it only chooses which count a guess goes into.

export const DEVICE_COOKIE = 'hearth_device';
/** Like the session cookie: over https only this exact origin can set or replace it. */
export const deviceCookieName = (secure: boolean) =>
	secure ? `__Host-${DEVICE_COOKIE}` : DEVICE_COOKIE;
export const DEVICE_COOKIE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
/** A shared tablet in a children's home can remember this many people; the oldest goes first. */
export const DEVICES_PER_BROWSER = 10;

/** The HMAC key: a file in the data folder made on first use, readable by its owner only. */
export const DEVICE_KEY_FILE = 'device-cookie.key';

let key: Buffer | undefined;

function deviceKey(): Buffer {
	if (key) return key;
	const file = path.join(dataDir(), DEVICE_KEY_FILE);
	if (!existsSync(file)) {
		// 'wx': two processes starting at once must not each write a different key.
		try {
			writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
			chmodSync(file, 0o600);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
	const hex = readFileSync(file, 'utf8').trim();
	if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} must hold 64 hex characters`);
	key = Buffer.from(hex, 'hex');
	return key;
}

const mac = (userId: string, nonce: string) =>
	createHmac('sha256', deviceKey()).update(`hearth-device:${userId}:${nonce}`).digest('base64url');

/** One browser's note for one person: their id, a random nonce, and the server's signature. */
export interface Device {
	userId: string;
	nonce: string;
}

/** The correctly signed notes in a cookie's value; anything else in it is ignored. */
export function readDevices(value: string | undefined): Device[] {
	if (!value) return [];
	const devices: Device[] = [];
	for (const entry of value.split('~').slice(0, DEVICES_PER_BROWSER)) {
		const [userId, nonce, signature, extra] = entry.split('.');
		if (!userId || !nonce || !signature || extra !== undefined) continue;
		const expected = Buffer.from(mac(userId, nonce));
		const given = Buffer.from(signature);
		if (given.length === expected.length && timingSafeEqual(given, expected))
			devices.push({ userId, nonce });
	}
	return devices;
}

/** This browser's note for this person, if it has a valid one. */
export function deviceFor(value: string | undefined, userId: string | null): Device | null {
	if (!userId) return null;
	return readDevices(value).find((device) => device.userId === userId) ?? null;
}

/**
 * The cookie's new value after this person signed in here: a fresh note for them first (a new
 * nonce, so a note whose guesses were locked starts clean), the others kept, the oldest dropped.
 */
export function rememberDevice(value: string | undefined, userId: string): string {
	const others = readDevices(value).filter((device) => device.userId !== userId);
	return [{ userId, nonce: newId() }, ...others]
		.slice(0, DEVICES_PER_BROWSER)
		.map((device) => `${device.userId}.${device.nonce}.${mac(device.userId, device.nonce)}`)
		.join('~');
}
