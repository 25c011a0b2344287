import { redirect } from '@sveltejs/kit';
import { homesFor } from '$lib/domain/roles';
import { requireUser } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

/** The chooser for people with more than one home; everyone else goes straight to theirs. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const homes = homesFor(user.roles);
	if (homes.length === 1) redirect(303, homes[0]);
	return { homes };
};
