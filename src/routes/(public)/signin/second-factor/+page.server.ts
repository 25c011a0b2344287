import { redirect, type RequestEvent } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { getDb } from '$lib/server/db';
import { safeNext, setSessionCookie } from '$lib/server/auth/cookies';
import { markSecondFactorDone } from '$lib/server/auth/session';
import { recordAudit } from '$lib/server/audit/log';
import {
	checkRecoveryForm,
	checkTotpForm,
	enableTotpForm,
	setupSecret
} from '$lib/server/auth/second-factor-forms';
import { now } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

/** Only someone who has given their password and still owes a second factor is here. */
function requirePending(event: RequestEvent) {
	const pending = event.locals.pending;
	if (!pending) redirect(303, event.locals.user ? landingFor(event.locals.user.roles) : '/signin');
	return pending;
}

const nextFor = (event: RequestEvent, roles: Parameters<typeof landingFor>[0]) =>
	safeNext(event.url.searchParams.get('next')) ?? landingFor(roles);

/** The second factor is given: a fresh session token, marked done. */
function done(event: RequestEvent, how: 'app' | 'recovery code' | 'set up') {
	const pending = requirePending(event);
	const db = getDb();
	const { token, session } = markSecondFactorDone(
		db,
		event.locals.session!.id,
		pending.user.id,
		now()
	);
	setSessionCookie(event, token, session.expiresAt);
	recordAudit(db, {
		actorId: pending.user.id,
		action: 'second_factor.used',
		detail: how,
		address: event.getClientAddress()
	});
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
