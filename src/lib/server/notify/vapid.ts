import webpush from 'web-push';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../config';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
	subject: string;
}

let cached: VapidKeys | undefined;

/**
 * The VAPID keys that sign push messages: from VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when set,
 * otherwise made on first start and kept in the data folder (readable by its owner only).
 */
export function vapidKeys(): VapidKeys {
	if (cached) return cached;
	const origin = process.env.ORIGIN ?? '';
	const subject =
		process.env.VAPID_SUBJECT ||
		(origin.startsWith('https://') ? origin : 'mailto:hearth@example.invalid');
	const fromEnv = {
		publicKey: process.env.VAPID_PUBLIC_KEY,
		privateKey: process.env.VAPID_PRIVATE_KEY
	};
	if (fromEnv.publicKey && fromEnv.privateKey) {
		cached = { publicKey: fromEnv.publicKey, privateKey: fromEnv.privateKey, subject };
		return cached;
	}
	if (fromEnv.publicKey || fromEnv.privateKey) {
		throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither.');
	}
	const file = path.join(dataDir(), 'vapid.json');
	if (!existsSync(file)) {
		writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys(), null, 2), { mode: 0o600 });
		chmodSync(file, 0o600);
	}
	const stored = JSON.parse(readFileSync(file, 'utf8')) as {
		publicKey: string;
		privateKey: string;
	};
	cached = { ...stored, subject };
	return cached;
}
