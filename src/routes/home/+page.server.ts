import { redirect } from '@sveltejs/kit';
import { homesFor, seesEveryAlert } from '$lib/domain/roles';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { alertsFor, shownAlerts } from '$lib/server/voice/inbox';
import { now } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

/** The chooser for people with more than one home; everyone else goes straight to theirs. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const homes = homesFor(user.roles);
	if (homes.length === 1) redirect(303, homes[0]);
	// A manager's open safety alerts stand on every home page they land on, not only in /work.
	return {
		homes,
		alerts: seesEveryAlert(user.roles) ? shownAlerts(alertsFor(getDb(), user, now())) : null
	};
};
