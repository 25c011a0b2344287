import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { pledgeComments } from '$lib/server/forum/moderation';
import type { PageServerLoad } from './$types';

/**
 * Pledge "tell us more" comments: the Board reads them without names; participation officers see
 * who wrote each one, so they can follow up or raise a safeguarding concern.
 */
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'board_member', 'participation_officer');
	const officer = user.roles.includes('participation_officer');
	return { officer, comments: pledgeComments(getDb(), officer) };
};
