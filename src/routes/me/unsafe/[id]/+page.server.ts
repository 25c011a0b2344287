import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import { myAlertStatus } from '$lib/server/voice/safety';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const db = getDb();
	const alert = myAlertStatus(db, user.id, event.params.id);
	// Someone else's alert looks the same as one that does not exist.
	if (!alert) error(404, m.error_not_found());
	return {
		seen: alert.seen,
		dealtWith: alert.dealtWith,
		raisedForThem: alert.raisedForThem,
		outOfHours: getCouncilSettings(db)?.outOfHoursPhone ?? null
	};
};
