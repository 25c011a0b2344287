import { redirect, type RequestEvent } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { safeNext } from '$lib/server/auth/cookies';
import {
	checkRecoveryForm,
	checkTotpForm,
	enableTotpForm,
	secondFactorGiven,
	setupSecret
} from '$lib/server/auth/second-factor-forms';
import type { Actions, PageServerLoad } from './$types';

/** Only someone who has given their password and still owes a second factor is here. */
function requirePending(event: RequestEvent) {
	const pending = event.locals.pending;
	if (!pending) redirect(303, event.locals.user ? landingFor(event.locals.user.roles) : '/signin');
	return pending;
}

const nextFor = (event: RequestEvent, roles: Parameters<typeof landingFor>[0]) =>
	safeNext(event.url.searchParams.get('next')) ?? landingFor(roles);

/** The second factor is given: from here on the person is signed in. */
function done(event: RequestEvent, how: 'app' | 'recovery code' | 'set up') {
	const pending = requirePending(event);
	secondFactorGiven(event, pending.user, how);
	event.locals.user = pending.user;
	event.locals.pending = null;
	return nextFor(event, pending.user.roles);
}

export const load: PageServerLoad = (event) => {
	if (!event.locals.pending && event.locals.user)
		return { need: null, next: nextFor(event, event.locals.user.roles), secret: null };
	const pending = requirePending(event);
	return {
		need: pending.need,
		next: nextFor(event, pending.user.roles),
		secret: pending.need === 'setup' ? setupSecret(pending.user) : null
	};
};

export const actions: Actions = {
	code: async (event) => {
		const pending = requirePending(event);
		const checked = await checkTotpForm(event, pending.user);
		if (!checked.ok) return checked.failure;
		redirect(303, done(event, 'app'));
	},
	recovery: async (event) => {
		const pending = requirePending(event);
		const checked = await checkRecoveryForm(event, pending.user);
		if (!checked.ok) return checked.failure;
		redirect(303, done(event, 'recovery code'));
	},
	enable: async (event) => {
		const pending = requirePending(event);
		const enabled = await enableTotpForm(event, pending.user);
		if (!enabled.ok) return enabled.failure;
		done(event, 'set up');
		return { recoveryCodes: enabled.recoveryCodes };
	}
};

export const csr = false;
