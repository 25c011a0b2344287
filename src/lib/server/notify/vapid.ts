import webpush from 'web-push';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../config';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

let cached: VapidKeys | undefined;

/**
 * The VAPID keys that sign push messages: from VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when set,
 * otherwise made on first start and kept in the data folder (readable by its owner only).
 */
export function vapidKeys(): VapidKeys {
	if (cached) return cached;
	const fromEnv = {
		publicKey: process.env.VAPID_PUBLIC_KEY,
		privateKey: process.env.VAPID_PRIVATE_KEY
	};
	if (fromEnv.publicKey && fromEnv.privateKey) {
		cached = { publicKey: fromEnv.publicKey, privateKey: fromEnv.privateKey };
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
	const stored = JSON.parse(readFileSync(file, 'utf8')) as VapidKeys;
	cached = { publicKey: stored.publicKey, privateKey: stored.privateKey };
	return cached;
}

/**
 * Who push services can write to about Hearth's pushes (RFC 8292's `sub`): VAPID_SUBJECT when
 * set, else the council's contact email from its settings. `from` says which, for the advice.
 */
export type VapidSubject =
	| { ok: true; subject: string; from: 'env' | 'settings' }
	| { ok: false; problem: 'none' }
	| { ok: false; problem: 'invalid' | 'not-a-contact'; subject: string; from: 'env' | 'settings' };

/** A host in `.invalid` can never exist (RFC 6761): nobody could ever be reached there. */
const isInvalidHost = (host: string) => /(^|\.)invalid\.?$/i.test(host);

/**
 * Work out the VAPID subject, refusing one nobody can answer: none at all, one at a `.invalid`
 * address (the placeholder an old default used), or one that is not a mailto: or https: link.
 * Reserved but real-looking names (`brightwater.example`, for the demo) are allowed.
 */
export function vapidSubject(
	councilEmail: string | null | undefined,
	env: Record<string, string | undefined> = process.env
): VapidSubject {
	const fromEnv = env.VAPID_SUBJECT?.trim();
	const email = councilEmail?.trim();
	const from = fromEnv ? 'env' : 'settings';
	const subject = fromEnv || (email ? `mailto:${email}` : '');
	if (!subject) return { ok: false, problem: 'none' };
	let host: string | null = null;
	if (/^mailto:[^@\s]+@[^@\s]+$/i.test(subject)) host = subject.slice(subject.lastIndexOf('@') + 1);
	else if (/^https:\/\//i.test(subject) && URL.canParse(subject)) host = new URL(subject).hostname;
	if (!host) return { ok: false, problem: 'not-a-contact', subject, from };
	if (isInvalidHost(host)) return { ok: false, problem: 'invalid', subject, from };
	return { ok: true, subject, from };
}

/** Why a subject is refused, in a sentence for the log. */
export function vapidSubjectProblemText(result: Exclude<VapidSubject, { ok: true }>): string {
	if (result.problem === 'none')
		return 'Hearth sends no push notifications: there is no contact for push services. Set the council contact email at /admin/settings, or VAPID_SUBJECT.';
	const where = result.from === 'env' ? 'VAPID_SUBJECT' : 'the council contact email';
	return result.problem === 'invalid'
		? `Hearth sends no push notifications: the contact for push services (${result.subject}, from ${where}) is at a .invalid address, which can never be reached. Give a real one.`
		: `Hearth sends no push notifications: the contact for push services (${result.subject}, from ${where}) is not a mailto: or https: address.`;
}

let warned = false;

/** Say once per start, in the log, why pushes are refused. */
export function warnOnceAboutSubject(
	result: VapidSubject,
	log: (message: string) => void = (message) => console.error(`[hearth] ${message}`)
): void {
	if (result.ok || warned) return;
	warned = true;
	log(vapidSubjectProblemText(result));
}

/** For tests: forget that the warning was given. */
export function resetSubjectWarning(): void {
	warned = false;
}
