import { error, type RequestEvent } from '@sveltejs/kit';
import { hasAnyRole, STAFF_ROLES } from '$lib/domain/roles';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import {
	disableTotp,
	hasTotp,
	recoveryCodesLeft,
	sessionPolicy
} from '$lib/server/auth/second-factor';
import {
	checkTotpForm,
	enableTotpForm,
	secondFactorGiven,
	setupSecret
} from '$lib/server/auth/second-factor-forms';
import { secondFactorState, type SessionUser } from '$lib/server/auth/session';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

/** Staff may add an authenticator app to their account; young people sign in with a password only. */
function requireStaff(event: RequestEvent) {
	const user = requireUser(event);
	if (!hasAnyRole(user.roles, STAFF_ROLES)) error(403, m.error_forbidden());
	return user;
}

/** Whether the council requires this person to keep one (the rule sign-in applies). */
const required = (roles: SessionUser['roles']) =>
	secondFactorState({
		hasApp: false,
		givenInSession: false,
		roles,
		policy: sessionPolicy(getDb())
	}) === 'setup';

export const load: PageServerLoad = (event) => {
	const user = requireStaff(event);
	const db = getDb();
	const on = hasTotp(db, user.id);
	return {
		on,
		required: required(user.roles),
		codesLeft: on ? recoveryCodesLeft(db, user.id) : 0,
		secret: on ? null : setupSecret(user)
	};
};

export const actions: Actions = {
	enable: async (event) => {
		const user = requireStaff(event);
		const enabled = await enableTotpForm(event, user);
		if (!enabled.ok) return enabled.failure;
		// The first code was just given: this session goes on without asking for another.
		secondFactorGiven(event, user, 'set up');
		return { recoveryCodes: enabled.recoveryCodes };
	},
	disable: async (event) => {
		const user = requireStaff(event);
		if (required(user.roles)) error(403, m.second_factor_cannot_remove());
		const checked = await checkTotpForm(event, user);
		if (!checked.ok) return checked.failure;
		disableTotp(getDb(), user.id, user.id, event.locals.session?.id, now());
		return { removed: true };
	}
};
