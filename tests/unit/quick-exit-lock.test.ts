import { describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	lockSession,
	unlockSession,
	validateSessionToken
} from '$lib/server/auth/session';
import { hashSecret } from '$lib/server/ids';
import {
	OFFLINE_AS_GUEST,
	OFFLINE_KEY,
	OFFLINE_OWNER,
	asYoungPersonsCopy,
	retryTo
} from '$lib/offline-copy';
import { freshDb, makeYoungPerson } from './db';

describe('quick exit locks one session', () => {
	it('locks this device only, and the password unlocks it', () => {
		const db = freshDb();
		const child = makeYoungPerson(db, 'dan');
		const phone = generateSessionToken();
		const laptop = generateSessionToken();
		createSession(db, phone, child, new Date());
		createSession(db, laptop, child, new Date());

		expect(lockSession(db, hashSecret(phone), new Date())).toBe(true);
		// A second quick exit on the same device changes nothing (and is not logged twice).
		expect(lockSession(db, hashSecret(phone), new Date())).toBe(false);
		expect(validateSessionToken(db, phone, new Date())?.locked).toBe(true);
		expect(validateSessionToken(db, laptop, new Date())?.locked).toBe(false);

		unlockSession(db, hashSecret(phone));
		expect(validateSessionToken(db, phone, new Date())?.locked).toBe(false);
	});
});

describe('kept copies shown offline', () => {
	const kept = `<div ${OFFLINE_AS_GUEST}><input name="clientKey" value="${OFFLINE_KEY}"><input name="owner" value="${OFFLINE_OWNER}"><a class="btn" href="../" data-offline-retry="">Try again</a></div>`;

	it('become a young person’s page with their name on the form and a fresh key', () => {
		const html = asYoungPersonsCopy(kept, 'owner"1', 'key-123456');
		expect(html).toContain('data-offline-as="young"');
		expect(html).toContain('value="owner&#34;1"');
		expect(html).toContain('value="key-123456"');
		expect(html).not.toContain(OFFLINE_OWNER);
	});

	it('point "Try again" at the page wanted, and only at a page of this site', () => {
		expect(retryTo(kept, '/me/say?x=1')).toContain('href="/me/say?x=1" data-offline-retry');
		expect(retryTo(kept, '//elsewhere.example')).toBe(kept);
		expect(retryTo(kept, 'https://elsewhere.example/')).toBe(kept);
	});
});
