import { rolesForPath } from '$lib/domain/roles';
import { requireRole } from '$lib/server/auth/guard';
import { newId } from '$lib/server/ids';
import { withMeNow } from '$lib/server/auth/with-me';
import { getDb } from '$lib/server/db';
import { now } from '$lib/server/clock';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	// Reading the path makes this run again on every page, so each page gets a fresh key
	// for "I feel unsafe": a double tap raises one alert, a later tap raises a new one.
	const user = requireRole(event, ...(rolesForPath(event.url.pathname) ?? []));
	const withMe = event.locals.session
		? withMeNow(getDb(), event.locals.session.id, user.id, now())
		: null;
	return {
		unsafeKey: newId(),
		owner: user.id,
		/** The worker sitting with them ("with me"): what they send now is made together. */
		withMeName: withMe?.workerName ?? null
	};
};
