import type { RequestEvent } from '@sveltejs/kit';
import { recoveryCodeSchema, totpCodeSchema, totpSetupSchema } from '$lib/schemas/second-factor';
import { m } from '$lib/paraglide/messages';
import { getDb } from '../db';
import { getCouncilSettings } from '../council/settings';
import { invalid, parseForm, text } from '../forms';
import { now } from '../clock';
import { enableTotp, newTotpSecret, useRecoveryCode, verifyTotp } from './second-factor';
import { clearFailures, recordFailure, throttleKey, waitBeforeTrying } from './throttle';
import { markSecondFactorDone, type SessionUser } from './session';
import { setSessionCookie } from './cookies';
import { recordAudit } from '../audit/log';

/** A fresh secret and its QR code for the set-up form, named for this council. */
export function setupSecret(user: SessionUser) {
	const issuer = `Hearth ${getCouncilSettings(getDb())?.name ?? ''}`.trim();
	return newTotpSecret(issuer, user.username);
}

/** Guessing codes is slowed down like guessing passwords, per person. */
function throttled(userId: string, formData: FormData, field: string) {
	const db = getDb();
	const key = throttleKey('username', `second-factor:${userId}`);
	const waitMs = waitBeforeTrying(db, [key], now());
	const fail = () => {
		recordFailure(db, 'username', key, now());
		return invalid(formData, { [field]: m.second_factor_code_wrong() });
	};
	if (waitMs > 0)
		return {
			wait: invalid(
				formData,
				{ [field]: m.signin_wait({ minutes: Math.ceil(waitMs / 60_000) }) },
				429
			),
			fail,
			pass: () => clearFailures(db, key)
		};
	return { wait: null, fail, pass: () => clearFailures(db, key) };
}

/** Check a code from the app. */
export async function checkTotpForm(event: RequestEvent, user: SessionUser) {
	const formData = await event.request.formData();
	const parsed = parseForm(totpCodeSchema, { code: text(formData, 'code') }, formData);
	if (!parsed.ok) return { ok: false as const, failure: parsed.failure };
	const guard = throttled(user.id, formData, 'code');
	if (guard.wait) return { ok: false as const, failure: guard.wait };
	if (!verifyTotp(getDb(), user.id, parsed.data.code, now()))
		return { ok: false as const, failure: guard.fail() };
	guard.pass();
	return { ok: true as const };
}

/** Check a recovery code (each works once). */
export async function checkRecoveryForm(event: RequestEvent, user: SessionUser) {
	const formData = await event.request.formData();
	const parsed = parseForm(
		recoveryCodeSchema,
		{ recoveryCode: text(formData, 'recoveryCode') },
		formData
	);
	if (!parsed.ok) return { ok: false as const, failure: parsed.failure };
	const guard = throttled(user.id, formData, 'recoveryCode');
	if (guard.wait) return { ok: false as const, failure: guard.wait };
	if (!useRecoveryCode(getDb(), user.id, parsed.data.recoveryCode, now()))
		return {
			ok: false as const,
			failure: invalid(formData, { recoveryCode: m.second_factor_recovery_wrong() })
		};
	guard.pass();
	return { ok: true as const };
}

/** Turn the app on: the secret from the form and a first code from the app. */
export async function enableTotpForm(event: RequestEvent, user: SessionUser) {
	const formData = await event.request.formData();
	const parsed = parseForm(
		totpSetupSchema,
		{ code: text(formData, 'code'), sealedKey: text(formData, 'sealedKey') },
		formData
	);
	if (!parsed.ok) return { ok: false as const, failure: parsed.failure };
	const guard = throttled(user.id, formData, 'code');
	if (guard.wait) return { ok: false as const, failure: guard.wait };
	const result = enableTotp(getDb(), user.id, parsed.data.sealedKey, parsed.data.code, now());
	if (!result.ok) return { ok: false as const, failure: guard.fail() };
	guard.pass();
	return { ok: true as const, recoveryCodes: result.recoveryCodes };
}

/**
 * The second factor was given in this session (a code, a recovery code, or a new app's first
 * code): a new session token marked done replaces the old one, and the audit log says how.
 */
export function secondFactorGiven(
	event: RequestEvent,
	user: SessionUser,
	how: 'app' | 'recovery code' | 'set up'
) {
	const db = getDb();
	const { token, session } = markSecondFactorDone(db, event.locals.session!.id, user.id, now());
	setSessionCookie(event, token, session.expiresAt);
	event.locals.session = { id: session.id, expiresAt: session.expiresAt };
	recordAudit(db, {
		actorId: user.id,
		action: 'second_factor.used',
		detail: how,
		address: event.getClientAddress()
	});
}
