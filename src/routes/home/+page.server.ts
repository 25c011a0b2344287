import { redirect } from '@sveltejs/kit';
import { homesFor } from '$lib/domain/roles';
import { page } from '$lib/server/http/handlers';
import { alertsFor, shownAlerts } from '$lib/server/voice/inbox';
import type { PageServerLoad } from './$types';

/** The chooser for people with more than one home; everyone else goes straight to theirs. */
export const load = page('signedIn', (ctx) => {
	const homes = homesFor(ctx.user.roles);
	if (homes.length === 1) redirect(303, homes[0]);
	// A manager's open safety alerts stand on every home page they land on, not only in /work.
	return {
		homes,
		alerts: ctx.can('seeEveryAlert') ? shownAlerts(alertsFor(ctx.db, ctx.user, ctx.now)) : null
	};
}) satisfies PageServerLoad;
