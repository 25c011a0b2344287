import { rateSchema } from '$lib/server/offer/schemas';
import { action, formActions, notFound, page } from '$lib/server/http/handlers';
import { pledge } from '$lib/server/offer/content';
import { answerPromise, myRatings } from '$lib/server/offer/ratings';
import { pledgeHasConcern } from '$lib/server/forum/moderation';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx) => ({
	themes: pledge(ctx.db, ctx.locale),
	ratings: myRatings(ctx.db, ctx.user.id),
	concern: pledgeHasConcern(ctx.db, ctx.user.id)
})) satisfies PageServerLoad;

export const actions = formActions({
	rate: action('useMyPages', rateSchema, (ctx, answer) => {
		if (!answerPromise(ctx.db, { youngPersonId: ctx.user.id, ...answer }, ctx.now)) notFound();
		// Which promise: each has its own form, and only that one says it was saved.
		return { done: m.rate_saved(), promiseId: answer.promiseId };
	})
}) satisfies Actions;
