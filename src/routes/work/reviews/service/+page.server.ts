import { page } from '$lib/server/http/handlers';
import { DUE_SOON_DAYS, serviceTimeliness } from '$lib/server/reviews/reviews';
import type { PageServerLoad } from './$types';

export const load = page('seeReviewTimeliness', (ctx) => ({
	...serviceTimeliness(ctx.db, ctx.today),
	soonDays: DUE_SOON_DAYS
})) satisfies PageServerLoad;
