import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { totpSetupSchema } from '$lib/server/auth/second-factor-schemas';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { getCouncilSettings } from '../council/settings';
import type { RequestContext } from '../http/context';
import { refuse } from '../http/handlers';
import { checkSecondFactor, enableTotp, newTotpSecret } from './second-factor';
import { guardGuess, secondFactorSubject, type GuessResult } from './throttle';
import { markSecondFactorDone, type SessionUser } from './session';
import { guessClient, rememberThisDevice, setSessionCookie } from './cookies';
import { waitMessage } from './wait-message';

/** A fresh secret and its QR code for the set-up form, named for this council. */
export function setupSecret(db: Db, user: SessionUser) {
	const issuer = `Hearth ${getCouncilSettings(db)?.name ?? ''}`.trim();
	return newTotpSecret(issuer, user.username);
}

/** A refused guess, said next to its field: 429 while this client must wait; null when it was right. */
export function refusedGuess(field: string, result: GuessResult, wrong: string) {
	if (result.ok) return null;
	return result.reason === 'wait'
		? refuse({ [field]: waitMessage(result.waitMs) }, 429)
		: refuse({ [field]: wrong });
}

type Client = Pick<RequestEvent, 'url' | 'cookies' | 'getClientAddress'>;

const WRONG = {
	app: { field: 'code', message: () => m.second_factor_code_wrong() },
	recovery: { field: 'recoveryCode', message: () => m.second_factor_recovery_wrong() }
} as const;

/**
 * Check a code from the app or a recovery code (each works once); wrong ones of both kinds count
 * together. The refusal to return, said at the code's field, or null when it was right.
 */
export async function checkCode(
	ctx: RequestContext,
	event: Client,
	user: SessionUser,
	kind: 'app' | 'recovery',
	code: string
) {
	const result = await checkSecondFactor(
		ctx.db,
		{ userId: user.id, code, kind, ...guessClient(event) },
		ctx.now
	);
	return refusedGuess(WRONG[kind].field, result, WRONG[kind].message());
}

/** Turn the app on: the secret from the form and a first code from the app, counted as a guess. */
export async function enableApp(
	ctx: RequestContext,
	event: Client,
	user: SessionUser,
	input: z.output<typeof totpSetupSchema>
) {
	let recoveryCodes: string[] = [];
	const result = await guardGuess(
		ctx.db,
		{ subject: secondFactorSubject(user.id), ownerId: user.id },
		guessClient(event),
		() => {
			const enabled = enableTotp(ctx.db, user.id, input.sealedKey, input.code, ctx.now);
			if (enabled.ok) recoveryCodes = enabled.recoveryCodes;
			return enabled.ok;
		},
		ctx.now
	);
	const refused = refusedGuess('code', result, m.second_factor_code_wrong());
	return refused ? { ok: false as const, refused } : { ok: true as const, recoveryCodes };
}

/**
 * The second factor was given in this session (a code, a recovery code, or a new app's first
 * code): a new session token marked done replaces the old one, this browser is remembered for
 * them (its device cookie), and the audit log says how.
 */
export function secondFactorGiven(
	ctx: RequestContext,
	event: RequestEvent,
	user: SessionUser,
	how: 'app' | 'recovery code' | 'set up'
) {
	const { token, session } = markSecondFactorDone(
		ctx.db,
		event.locals.session!.id,
		user.id,
		ctx.now
	);
	setSessionCookie(event, token, session.expiresAt);
	event.locals.session = { id: session.id, expiresAt: session.expiresAt };
	rememberThisDevice(event, user.id);
	ctx.audit({ actorId: user.id, action: 'second_factor.used', detail: how });
}
