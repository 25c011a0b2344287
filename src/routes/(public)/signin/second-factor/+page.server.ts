import { redirect, type RequestEvent } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import {
	recoveryCodeSchema,
	totpCodeSchema,
	totpSetupSchema
} from '$lib/server/auth/second-factor-schemas';
import { safeNext } from '$lib/server/auth/cookies';
import {
	checkCode,
	enableApp,
	secondFactorGiven,
	setupSecret
} from '$lib/server/auth/second-factor-forms';
import type { RequestContext } from '$lib/server/http/context';
import { action, formActions, page, type ActionEvent } from '$lib/server/http/handlers';
import type { Actions, PageServerLoad } from './$types';

// Open to anyone: the person here has given their password but is not signed in until the
// second factor is given (`locals.pending`); everyone else is sent on.

/** Only someone who has given their password and still owes a second factor is here. */
function requirePending(event: Pick<RequestEvent, 'locals'>) {
	const pending = event.locals.pending;
	if (!pending) redirect(303, event.locals.user ? landingFor(event.locals.user.roles) : '/signin');
	return pending;
}

const nextFor = (event: Pick<RequestEvent, 'url'>, roles: Parameters<typeof landingFor>[0]) =>
	safeNext(event.url.searchParams.get('next')) ?? landingFor(roles);

/** The second factor is given: from here on the person is signed in. */
function done(ctx: RequestContext, event: ActionEvent, how: 'app' | 'recovery code' | 'set up') {
	const pending = requirePending(event);
	secondFactorGiven(ctx, event, pending.user, how);
	event.locals.user = pending.user;
	event.locals.pending = null;
	return nextFor(event, pending.user.roles);
}

export const load = page('anyone', (ctx, event) => {
	// Not ctx.user: after the app is set up here, the action signs the person in (locals.user) on
	// this same request, and the page then shows their recovery codes instead of sending them on.
	const user = event.locals.user;
	if (!event.locals.pending && user)
		return { need: null, next: nextFor(event, user.roles), secret: null };
	const pending = requirePending(event);
	return {
		need: pending.need,
		next: nextFor(event, pending.user.roles),
		secret: pending.need === 'setup' ? setupSecret(ctx.db, pending.user) : null
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	code: action('anyone', totpCodeSchema, async (ctx, input, event) => {
		const refused = await checkCode(ctx, event, requirePending(event).user, 'app', input.code);
		if (refused) return refused;
		redirect(303, done(ctx, event, 'app'));
	}),
	recovery: action('anyone', recoveryCodeSchema, async (ctx, input, event) => {
		const refused = await checkCode(
			ctx,
			event,
			requirePending(event).user,
			'recovery',
			input.recoveryCode
		);
		if (refused) return refused;
		redirect(303, done(ctx, event, 'recovery code'));
	}),
	enable: action('anyone', totpSetupSchema, async (ctx, input, event) => {
		const enabled = await enableApp(ctx, event, requirePending(event).user, input);
		if (!enabled.ok) return enabled.refused;
		done(ctx, event, 'set up');
		return { recoveryCodes: enabled.recoveryCodes };
	})
}) satisfies Actions;

export const csr = false;
