import { describe, expect, it } from 'vitest';
import { generateHOTP } from '@oslojs/otp';
import { signInAddressFailures, signInThrottle, users } from '$lib/server/db/schema';
import { hashPassword } from '$lib/server/auth/password';
import { checkCurrentPassword, signIn } from '$lib/server/auth/sign-in';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { startWithMe } from '$lib/server/auth/with-me';
import { checkSecondFactor, enableTotp, newTotpSecret } from '$lib/server/auth/second-factor';
import { deviceCookieName, readDevices, rememberDevice } from '$lib/server/auth/device-cookie';
import {
	ADDRESS_SUBJECTS,
	forgetOldFailures,
	LIMITS,
	type GuessClient
} from '$lib/server/auth/throttle';
import { unseal } from '$lib/server/crypto/seal';
import { freshDb, makeStaff, makeYoungPerson } from './db';

// Issue 17, item 4: failures from elsewhere must not keep a person out of a browser they signed
// in on before (OWASP's device cookies), and an address is slowed by how many different people
// it guessed for. Every way of giving a secret is tried: signing in, a worker's password "with
// me", the app's code, a recovery code, and the current password before changing it.

const PASSWORD = 'correct horse battery';
const T0 = new Date('2026-12-01T10:00:00Z');
const HOUR = 60 * 60 * 1000;

async function council() {
	const db = freshDb();
	const sam = makeStaff(db, 'sam', ['worker']);
	const leo = makeYoungPerson(db, 'leo', [{ staffUserId: sam, linkType: 'social_worker' }], T0);
	db.update(users)
		.set({ passwordHash: await hashPassword(PASSWORD) })
		.run();
	const secret = newTotpSecret('Hearth Test', 'sam');
	const key = Buffer.from(unseal(secret.sealedKey), 'hex');
	const appCode = (at: Date) => generateHOTP(key, BigInt(Math.floor(at.getTime() / 30_000)), 6);
	const before = new Date(T0.getTime() - 60_000);
	const enabled = enableTotp(db, sam, secret.sealedKey, appCode(before), before);
	if (!enabled.ok) throw new Error('could not turn the app on');
	const leosSession = createSession(db, generateSessionToken(), leo, T0).id;
	return {
		db,
		sam,
		leo,
		leosSession,
		appCode,
		recoveryCode: enabled.recoveryCodes[0],
		/** Sam's own phone, where Sam signed in before; Leo's phone, where Leo did. */
		devices: { sams: rememberDevice(undefined, sam), leos: rememberDevice(undefined, leo) }
	};
}
type Council = Awaited<ReturnType<typeof council>>;

type Secret = 'sign-in' | 'with me' | 'app code' | 'recovery code' | 'current password';
type Device = 'none' | 'sams' | 'leos' | 'forged';
type Outcome = 'ok' | 'wrong' | 'wait';

const deviceCookie = (c: Council, device: Device): string | undefined => {
	if (device === 'none') return undefined;
	if (device === 'forged') return `${c.sam}.${'a'.repeat(24)}.${'b'.repeat(43)}`;
	return c.devices[device];
};

/** Sam's secret given once, right or wrong, from this client; what the person would be told. */
async function give(
	c: Council,
	secret: Secret,
	client: GuessClient,
	right: boolean,
	at: Date
): Promise<Outcome> {
	const password = right ? PASSWORD : 'not my password';
	const outcome = (r: { ok: boolean; reason?: string }): Outcome =>
		r.ok ? 'ok' : r.reason === 'wait' ? 'wait' : 'wrong';
	switch (secret) {
		case 'sign-in':
			return outcome(await signIn(c.db, { username: 'sam', password, ...client }, at));
		case 'with me':
			return outcome(
				await startWithMe(
					c.db,
					{ sessionId: c.leosSession, youngPersonId: c.leo, username: 'sam', password, ...client },
					at
				)
			);
		case 'app code': {
			const code = c.appCode(at);
			const wrong = `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
			return outcome(
				await checkSecondFactor(
					c.db,
					{ userId: c.sam, code: right ? code : wrong, kind: 'app', ...client },
					at
				)
			);
		}
		case 'recovery code':
			return outcome(
				await checkSecondFactor(
					c.db,
					{
						userId: c.sam,
						code: right ? c.recoveryCode : 'WRONG-CODE',
						kind: 'recovery',
						...client
					},
					at
				)
			);
		case 'current password':
			return outcome(await checkCurrentPassword(c.db, { userId: c.sam, password, ...client }, at));
	}
}

interface Attack {
	secret: Secret;
	tries: number;
	/** Many addresses (a botnet), or all from one. */
	from: 'many addresses' | 'one address';
	device: Device;
}

interface Case {
	name: string;
	attacks: Attack[];
	then: { secret: Secret; device: Device };
	expected: Outcome;
}

const elsewhere = (secret: Secret): Attack => ({
	secret,
	tries: 200,
	from: 'many addresses',
	device: 'none'
});

const CASES: Case[] = [
	{
		name: 'sign-in: 200 wrong tries from other addresses; Sam signs in at once on their own phone',
		attacks: [elsewhere('sign-in')],
		then: { secret: 'sign-in', device: 'sams' },
		expected: 'ok'
	},
	{
		name: 'sign-in: after the same, a browser Sam never used waits',
		attacks: [elsewhere('sign-in')],
		then: { secret: 'sign-in', device: 'none' },
		expected: 'wait'
	},
	{
		name: "sign-in: after the same, Leo's device cookie does not help anyone guess Sam's password",
		attacks: [elsewhere('sign-in')],
		then: { secret: 'sign-in', device: 'leos' },
		expected: 'wait'
	},
	{
		name: 'sign-in: after the same, a made-up device cookie for Sam is not trusted',
		attacks: [elsewhere('sign-in')],
		then: { secret: 'sign-in', device: 'forged' },
		expected: 'wait'
	},
	{
		name: "sign-in: Sam's phone failing again and again is locked itself, then waits like any other",
		attacks: [
			elsewhere('sign-in'),
			{ secret: 'sign-in', tries: LIMITS.device.free, from: 'one address', device: 'sams' }
		],
		then: { secret: 'sign-in', device: 'sams' },
		expected: 'wait'
	},
	{
		name: "sign-in: wrong tries on Sam's phone, until it is locked, do not hold Sam back elsewhere",
		attacks: [
			{ secret: 'sign-in', tries: LIMITS.device.free, from: 'one address', device: 'sams' }
		],
		then: { secret: 'sign-in', device: 'none' },
		expected: 'ok'
	},
	{
		name: "with me: 200 wrong tries of Sam's password on Leo's phone; Sam signs in at once on their own",
		attacks: [{ secret: 'with me', tries: 200, from: 'one address', device: 'leos' }],
		then: { secret: 'sign-in', device: 'sams' },
		expected: 'ok'
	},
	{
		name: "with me: after the same, Leo's phone waits even with Sam's right password",
		attacks: [{ secret: 'with me', tries: 200, from: 'one address', device: 'leos' }],
		then: { secret: 'with me', device: 'leos' },
		expected: 'wait'
	},
	{
		name: "with me: Sam's password guessed at sign-in elsewhere is held back on Leo's phone too",
		attacks: [elsewhere('sign-in')],
		then: { secret: 'with me', device: 'leos' },
		expected: 'wait'
	},
	{
		name: 'app code: 200 wrong codes from someone with the password; Sam gives the code at once on their phone',
		attacks: [elsewhere('app code')],
		then: { secret: 'app code', device: 'sams' },
		expected: 'ok'
	},
	{
		name: 'app code: after the same, a browser Sam never used waits',
		attacks: [elsewhere('app code')],
		then: { secret: 'app code', device: 'none' },
		expected: 'wait'
	},
	{
		name: 'recovery code: wrong ones are counted, then the guesser waits even with a right one',
		attacks: [
			{ secret: 'recovery code', tries: LIMITS.untrusted.free, from: 'one address', device: 'none' }
		],
		then: { secret: 'recovery code', device: 'none' },
		expected: 'wait'
	},
	{
		name: 'recovery code: wrong app codes and wrong recovery codes share one count',
		attacks: [elsewhere('app code')],
		then: { secret: 'recovery code', device: 'none' },
		expected: 'wait'
	},
	{
		name: 'recovery code: 200 wrong from elsewhere; Sam uses one at once on their phone',
		attacks: [elsewhere('recovery code')],
		then: { secret: 'recovery code', device: 'sams' },
		expected: 'ok'
	},
	{
		name: "current password: 200 wrong tries on Sam's signed-in phone, picked up by someone else, are slowed",
		attacks: [{ secret: 'current password', tries: 200, from: 'one address', device: 'sams' }],
		then: { secret: 'current password', device: 'sams' },
		expected: 'wait'
	},
	{
		name: 'current password: it shares the count with signing in, from a browser Sam never used',
		attacks: [elsewhere('sign-in')],
		then: { secret: 'current password', device: 'none' },
		expected: 'wait'
	},
	{
		name: 'current password: 200 wrong sign-ins elsewhere; Sam changes their password at once on their phone',
		attacks: [elsewhere('sign-in')],
		then: { secret: 'current password', device: 'sams' },
		expected: 'ok'
	}
];

const addressOf = (attack: Attack, i: number) =>
	attack.from === 'one address' ? '203.0.113.9' : `10.${Math.floor(i / 250)}.${i % 250}.1`;

describe('guessing and lock-out (device cookies)', () => {
	it.each(CASES)('$name', async ({ attacks, then, expected }) => {
		const c = await council();
		for (const attack of attacks) {
			for (let i = 0; i < attack.tries; i++) {
				const client = { address: addressOf(attack, i), device: deviceCookie(c, attack.device) };
				expect(await give(c, attack.secret, client, false, T0)).not.toBe('ok');
			}
		}
		// At once, from Sam's own address (a different one from any attacker's).
		const at = new Date(T0.getTime() + 1000);
		const client = { address: '192.0.2.50', device: deviceCookie(c, then.device) };
		expect(await give(c, then.secret, client, true, at)).toBe(expected);
	});

	it('lets ten children at one children’s home sign in, each mistyping three times first', async () => {
		const db = freshDb();
		const children = Array.from({ length: 10 }, (_, i) => `child${i}`);
		for (const child of children) makeStaff(db, child, ['young_person']);
		db.update(users)
			.set({ passwordHash: await hashPassword(PASSWORD) })
			.run();
		const home = { address: '198.51.100.20' };
		const results: string[] = [];
		for (const [i, username] of children.entries()) {
			const at = new Date(T0.getTime() + i * 60_000);
			for (let miss = 0; miss < 3; miss++)
				await signIn(db, { username, password: 'mistyped', ...home }, at);
			const result = await signIn(db, { username, password: PASSWORD, ...home }, at);
			results.push(result.ok ? 'signed in' : result.reason);
		}
		// 30 failures from one address: the old rule locked the home out at the tenth child.
		expect(results).toEqual(children.map(() => 'signed in'));
	});

	it('slows an address that fails for many different usernames, until the oldest is an hour old', async () => {
		const c = await council();
		const address = '203.0.113.66';
		for (let i = 0; i < ADDRESS_SUBJECTS.limit; i++) {
			const at = new Date(T0.getTime() + i * 1000);
			await signIn(c.db, { username: `guess${i}`, password: 'nope', address }, at);
		}
		const soon = new Date(T0.getTime() + 60_000);
		expect(await signIn(c.db, { username: 'sam', password: PASSWORD, address }, soon)).toEqual({
			ok: false,
			reason: 'wait',
			waitMs: HOUR - 60_000
		});
		// The same address with Sam's own phone is not held back, nor are other addresses.
		expect(
			(
				await signIn(
					c.db,
					{ username: 'sam', password: PASSWORD, address, device: c.devices.sams },
					soon
				)
			).ok
		).toBe(true);
		expect(
			(await signIn(c.db, { username: 'leo', password: PASSWORD, address: '192.0.2.1' }, soon)).ok
		).toBe(true);
		const anHourOn = new Date(T0.getTime() + HOUR + 1);
		expect(
			(await signIn(c.db, { username: 'leo', password: PASSWORD, address }, anHourOn)).ok
		).toBe(true);
	});

	it('keeps a device cookie only when its signature is right, for up to ten people', async () => {
		const c = await council();
		const [sams] = readDevices(c.devices.sams);
		expect(sams.userId).toBe(c.sam);
		expect(readDevices(c.devices.sams.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')))).toEqual([]);
		expect(readDevices(`${c.leo}.${sams.nonce}.${c.devices.sams.split('.')[2]}`)).toEqual([]);
		let shared: string | undefined;
		for (let i = 0; i < 12; i++) shared = rememberDevice(shared, `person${i}`);
		expect(readDevices(shared).map((d) => d.userId)).toEqual(
			Array.from({ length: 10 }, (_, i) => `person${11 - i}`)
		);
		// Over https, like the session cookie, only this exact origin can set it.
		expect(deviceCookieName(true)).toBe('__Host-hearth_device');
		expect(deviceCookieName(false)).toBe('hearth_device');
		// Signing in again gives a fresh nonce, so a note whose guesses were locked starts clean.
		expect(readDevices(rememberDevice(c.devices.sams, c.sam))[0].nonce).not.toBe(sams.nonce);
	});

	it('forgets failed guesses in the daily clean-up: addresses after an hour, counts after a day', async () => {
		const c = await council();
		await signIn(c.db, { username: 'sam', password: 'nope', address: '192.0.2.7' }, T0);
		const rows = () => [
			c.db.select().from(signInThrottle).all().length,
			c.db.select().from(signInAddressFailures).all().length
		];
		expect(rows()).toEqual([1, 1]);
		expect(forgetOldFailures(c.db, new Date(T0.getTime() + 30 * 60_000))).toBe(0);
		expect(forgetOldFailures(c.db, new Date(T0.getTime() + 2 * HOUR))).toBe(1);
		expect(rows()).toEqual([1, 0]);
		expect(forgetOldFailures(c.db, new Date(T0.getTime() + 25 * HOUR))).toBe(1);
		expect(rows()).toEqual([0, 0]);
	});
});
