import { page } from '$lib/server/http/handlers';
import { pledgeComments } from '$lib/server/forum/moderation';
import type { PageServerLoad } from './$types';

/**
 * Pledge "tell us more" comments: the Board reads them without names; participation officers see
 * who wrote each one, so they can follow up or raise a safeguarding concern.
 */
export const load = page('seeBoard', (ctx) => {
	const named = ctx.can('readPledgeComments');
	return { named, comments: pledgeComments(ctx.db, named) };
}) satisfies PageServerLoad;
