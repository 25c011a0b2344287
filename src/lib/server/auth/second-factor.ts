import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { generateHOTP, createTOTPKeyURI } from '@oslojs/otp';
import { and, eq, isNull } from 'drizzle-orm';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { renderSVG } from 'uqr';
import type { Role } from '$lib/domain/roles';
import type { Db } from '../db';
import { recoveryCodes, users } from '../db/schema';
import { recordAudit } from '../audit/log';
import { getCouncilSettings } from '../council/settings';
import { seal, unseal } from '../crypto/seal';
import { hashSecret } from '../ids';
import { generateInvitationCode, normaliseInvitationCode } from '../accounts/invitations';
import {
	DEFAULT_SESSION_POLICY,
	invalidateUserSessions,
	secondFactorState,
	type SessionPolicy
} from './session';
import { guardGuess, secondFactorSubject, type GuessClient, type GuessResult } from './throttle';

/** RFC 6238 as authenticator apps expect: 30-second steps, 6 digits, SHA-1. */
const STEP_SECONDS = 30;
const DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;

/** The council's session rules, read from its settings (defaults before set-up). */
export function sessionPolicy(db: Db): SessionPolicy {
	const settings = getCouncilSettings(db);
	if (!settings) return DEFAULT_SESSION_POLICY;
	return {
		staffIdleMs: settings.staffIdleMinutes * 60_000,
		staffSessionMs: settings.staffSessionHours * 60 * 60_000,
		requireSecondFactor: settings.requireSecondFactor
	};
}

/** What someone who has just given their password must do next: a code, set one up, or nothing. */
export function secondFactorAfterPassword(
	db: Db,
	userId: string,
	roles: readonly Role[]
): 'needed' | 'setup' | null {
	const state = secondFactorState({
		hasApp: hasTotp(db, userId),
		givenInSession: false,
		roles,
		policy: sessionPolicy(db)
	});
	return state === 'done' ? null : state;
}

/** A new secret for an authenticator app, sealed so it can ride in a form until it is confirmed. */
export function newTotpSecret(issuer: string, username: string) {
	const key = randomBytes(20);
	const uri = createTOTPKeyURI(issuer, username, key, STEP_SECONDS, DIGITS);
	return {
		sealedKey: seal(key.toString('hex')),
		uri,
		/** The same secret in base32, for typing in by hand. */
		manual: encodeBase32UpperCaseNoPadding(key)
			.match(/.{1,4}/g)!
			.join(' '),
		qrSvg: renderSVG(uri, { border: 2 })
	};
}

const cleanCode = (code: string) => code.replace(/\s/g, '');

/** The step a code matches, allowing one step either side for a phone's clock; null if none. */
function matchingStep(key: Uint8Array, code: string, now: Date, after: number | null) {
	const typed = Buffer.from(cleanCode(code));
	if (!/^\d{6}$/.test(typed.toString())) return null;
	const current = Math.floor(now.getTime() / 1000 / STEP_SECONDS);
	for (const step of [current - 1, current, current + 1]) {
		if (after !== null && step <= after) continue;
		const expected = Buffer.from(generateHOTP(key, BigInt(step), DIGITS));
		if (timingSafeEqual(expected, typed)) return step;
	}
	return null;
}

/** Turn the second factor on once the person shows their app gives the right code. Returns recovery codes, once. */
export function enableTotp(
	db: Db,
	userId: string,
	sealedKey: string,
	code: string,
	now: Date
): { ok: true; recoveryCodes: string[] } | { ok: false } {
	let keyHex: string;
	try {
		keyHex = unseal(sealedKey);
	} catch {
		return { ok: false };
	}
	const step = matchingStep(Buffer.from(keyHex, 'hex'), code, now, null);
	if (step === null) return { ok: false };
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateInvitationCode);
	db.transaction((tx) => {
		tx.update(users)
			.set({ totpKey: seal(keyHex), totpEnabledAt: now, totpLastStep: step })
			.where(eq(users.id, userId))
			.run();
		tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
		tx.insert(recoveryCodes)
			.values(codes.map((c) => ({ codeHash: hashSecret(c), userId })))
			.run();
		recordAudit(
			tx,
			{ actorId: userId, action: 'second_factor.enabled', subjectUserId: userId },
			now
		);
	});
	return { ok: true, recoveryCodes: codes };
}

/** Check a code from the app: right, within a step either side, and never the same step twice. */
export function verifyTotp(db: Db, userId: string, code: string, now: Date): boolean {
	const user = db
		.select({ key: users.totpKey, lastStep: users.totpLastStep })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!user?.key) return false;
	const step = matchingStep(Buffer.from(unseal(user.key), 'hex'), code, now, user.lastStep);
	if (step === null) return false;
	db.update(users).set({ totpLastStep: step }).where(eq(users.id, userId)).run();
	return true;
}

/** Use one recovery code (each works once). */
export function useRecoveryCode(db: Db, userId: string, code: string, now: Date): boolean {
	const used = db
		.update(recoveryCodes)
		.set({ usedAt: now })
		.where(
			and(
				eq(recoveryCodes.userId, userId),
				eq(recoveryCodes.codeHash, hashSecret(normaliseInvitationCode(code))),
				isNull(recoveryCodes.usedAt)
			)
		)
		.run();
	if (used.changes !== 1) return false;
	recordAudit(
		db,
		{ actorId: userId, action: 'second_factor.recovery_used', subjectUserId: userId },
		now
	);
	return true;
}

/**
 * Give the second factor, a code from the app or a recovery code, under the one rule for guesses
 * (auth/throttle.ts): wrong ones of both kinds are counted together.
 */
export function checkSecondFactor(
	db: Db,
	input: { userId: string; code: string; kind: 'app' | 'recovery' } & GuessClient,
	now: Date
): Promise<GuessResult> {
	return guardGuess(
		db,
		{ subject: secondFactorSubject(input.userId), ownerId: input.userId },
		{ address: input.address, device: input.device },
		() =>
			input.kind === 'app'
				? verifyTotp(db, input.userId, input.code, now)
				: useRecoveryCode(db, input.userId, input.code, now),
		now
	);
}

export function recoveryCodesLeft(db: Db, userId: string): number {
	return db
		.select({ hash: recoveryCodes.codeHash })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
		.all().length;
}

/**
 * Turn the second factor off: by the person themselves, or by an admin for someone who lost
 * their phone and codes. Every session of theirs ends, and it is in the audit log.
 */
export function disableTotp(
	db: Db,
	actorId: string,
	userId: string,
	keepSessionId: string | undefined,
	now: Date
): void {
	db.transaction((tx) => {
		tx.update(users)
			.set({ totpKey: null, totpEnabledAt: null, totpLastStep: null })
			.where(eq(users.id, userId))
			.run();
		tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
		recordAudit(tx, { actorId, action: 'second_factor.removed', subjectUserId: userId }, now);
	});
	invalidateUserSessions(db, userId, keepSessionId);
}

export function hasTotp(db: Db, userId: string): boolean {
	return !!db.select({ at: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).get()?.at;
}
