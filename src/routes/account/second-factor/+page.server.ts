import { error } from '@sveltejs/kit';
import { totpCodeSchema, totpSetupSchema } from '$lib/server/auth/second-factor-schemas';
import type { RequestContext } from '$lib/server/http/context';
import { action, formActions, page } from '$lib/server/http/handlers';
import {
	disableTotp,
	hasTotp,
	recoveryCodesLeft,
	sessionPolicy
} from '$lib/server/auth/second-factor';
import {
	checkCode,
	enableApp,
	secondFactorGiven,
	setupSecret
} from '$lib/server/auth/second-factor-forms';
import { secondFactorState, type SessionUser } from '$lib/server/auth/session';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Staff may add an authenticator app to their account; young people sign in with a password only.

/** Whether the council requires this person to keep one (the rule sign-in applies). */
const required = (ctx: RequestContext, roles: SessionUser['roles']) =>
	secondFactorState({
		hasApp: false,
		givenInSession: false,
		roles,
		policy: sessionPolicy(ctx.db)
	}) === 'setup';

export const load = page('useSecondFactor', (ctx) => {
	const on = hasTotp(ctx.db, ctx.user.id);
	return {
		on,
		required: required(ctx, ctx.user.roles),
		codesLeft: on ? recoveryCodesLeft(ctx.db, ctx.user.id) : 0,
		secret: on ? null : setupSecret(ctx.db, ctx.user)
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	enable: action('useSecondFactor', totpSetupSchema, async (ctx, input, event) => {
		const enabled = await enableApp(ctx, event, ctx.user, input);
		if (!enabled.ok) return enabled.refused;
		// The first code was just given: this session goes on without asking for another.
		secondFactorGiven(ctx, event, ctx.user, 'set up');
		return { done: m.second_factor_on(), recoveryCodes: enabled.recoveryCodes };
	}),
	disable: action(
		'useSecondFactor',
		(ctx) => {
			// Refused before the code is read (or counted as a guess) when the council requires one.
			if (required(ctx, ctx.user.roles)) error(403, m.second_factor_cannot_remove());
			return totpCodeSchema;
		},
		async (ctx, input, event) => {
			const refused = await checkCode(ctx, event, ctx.user, 'app', input.code);
			if (refused) return refused;
			disableTotp(ctx.db, ctx.user.id, ctx.user.id, ctx.sessionId ?? undefined, ctx.now);
			return { done: m.second_factor_removed() };
		}
	)
}) satisfies Actions;
