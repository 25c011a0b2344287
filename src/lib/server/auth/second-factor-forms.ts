import type { RequestEvent } from '@sveltejs/kit';
import { recoveryCodeSchema, totpCodeSchema, totpSetupSchema } from '$lib/schemas/second-factor';
import { m } from '$lib/paraglide/messages';
import { getDb } from '../db';
import { getCouncilSettings } from '../council/settings';
import { invalid, parseForm, text } from '../forms';
import { now } from '../clock';
import { checkSecondFactor, enableTotp, newTotpSecret } from './second-factor';
import { guardGuess, secondFactorSubject, type GuessResult } from './throttle';
import { markSecondFactorDone, type SessionUser } from './session';
import { guessClient, rememberThisDevice, setSessionCookie } from './cookies';
import { waitMessage } from './wait-message';
import { recordAudit } from '../audit/log';

/** A fresh secret and its QR code for the set-up form, named for this council. */
export function setupSecret(user: SessionUser) {
	const issuer = `Hearth ${getCouncilSettings(getDb())?.name ?? ''}`.trim();
	return newTotpSecret(issuer, user.username);
}

/** A refused code: said next to its field, with 429 while this client must wait. */
function refused(formData: FormData, field: string, result: GuessResult, wrong: string) {
	return result.ok
		? null
		: result.reason === 'wait'
			? invalid(formData, { [field]: waitMessage(result.waitMs) }, 429)
			: invalid(formData, { [field]: wrong });
}

/** Check a code from the app. */
export async function checkTotpForm(event: RequestEvent, user: SessionUser) {
	const formData = await event.request.formData();
	const parsed = parseForm(totpCodeSchema, { code: text(formData, 'code') }, formData);
	if (!parsed.ok) return { ok: false as const, failure: parsed.failure };
	const result = await checkSecondFactor(
		getDb(),
		{ userId: user.id, code: parsed.data.code, kind: 'app', ...guessClient(event) },
		now()
	);
	const failure = refused(formData, 'code', result, m.second_factor_code_wrong());
	return failure ? { ok: false as const, failure } : { ok: true as const };
}

/** Check a recovery code (each works once); wrong ones count like wrong app codes. */
export async function checkRecoveryForm(event: RequestEvent, user: SessionUser) {
	const formData = await event.request.formData();
	const parsed = parseForm(
		recoveryCodeSchema,
		{ recoveryCode: text(formData, 'recoveryCode') },
		formData
	);
	if (!parsed.ok) return { ok: false as const, failure: parsed.failure };
	const result = await checkSecondFactor(
		getDb(),
		{ userId: user.id, code: parsed.data.recoveryCode, kind: 'recovery', ...guessClient(event) },
		now()
	);
	const failure = refused(formData, 'recoveryCode', result, m.second_factor_recovery_wrong());
	return failure ? { ok: false as const, failure } : { ok: true as const };
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
	const db = getDb();
	let recoveryCodes: string[] = [];
	const result = await guardGuess(
		db,
		{ subject: secondFactorSubject(user.id), ownerId: user.id },
		guessClient(event),
		() => {
			const enabled = enableTotp(db, user.id, parsed.data.sealedKey, parsed.data.code, now());
			if (enabled.ok) recoveryCodes = enabled.recoveryCodes;
			return enabled.ok;
		},
		now()
	);
	const failure = refused(formData, 'code', result, m.second_factor_code_wrong());
	return failure ? { ok: false as const, failure } : { ok: true as const, recoveryCodes };
}

/**
 * The second factor was given in this session (a code, a recovery code, or a new app's first
 * code): a new session token marked done replaces the old one, this browser is remembered for
 * them (its device cookie), and the audit log says how.
 */
export function secondFactorGiven(
	event: RequestEvent,
	user: SessionUser,
	how: 'app' | 'recovery code' | 'set up'
) {
	const db = getDb();
	const at = now();
	const { token, session } = markSecondFactorDone(db, event.locals.session!.id, user.id, at);
	setSessionCookie(event, token, session.expiresAt);
	event.locals.session = { id: session.id, expiresAt: session.expiresAt };
	rememberThisDevice(event, user.id);
	recordAudit(
		db,
		{
			actorId: user.id,
			action: 'second_factor.used',
			detail: how,
			address: event.getClientAddress()
		},
		at
	);
}
