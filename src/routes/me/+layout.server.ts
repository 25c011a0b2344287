import { rolesForPath } from '$lib/domain/roles';
import { requireRole } from '$lib/server/auth/guard';
import { withMeNow } from '$lib/server/auth/with-me';
import { getDb } from '$lib/server/db';
import { now } from '$lib/server/clock';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	// "I feel unsafe" and its fresh key per page come from the root layout (every young
	// person's page has it, not only these).
	const user = requireRole(event, ...(rolesForPath(event.url.pathname) ?? []));
	const withMe = event.locals.session
		? withMeNow(getDb(), event.locals.session.id, user.id, now())
		: null;
	return {
		/** Whose what is sent is, on a shared phone. */
		owner: user.id,
		/** The worker sitting with them ("with me"): what they send now is made together. */
		withMeName: withMe?.workerName ?? null
	};
};
