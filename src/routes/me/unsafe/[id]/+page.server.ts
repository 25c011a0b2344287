import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import { safetyAlert } from '$lib/server/voice/safety';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const db = getDb();
	const alert = safetyAlert(db, event.params.id);
	// Someone else's alert looks the same as one that does not exist.
	if (!alert || alert.youngPersonId !== user.id) error(404, m.error_not_found());
	return {
		seen: !!alert.acknowledgedAt,
		outOfHours: getCouncilSettings(db)?.outOfHoursPhone ?? null
	};
};
