import { concernSchema } from '$lib/server/forum/schemas';
import type { SignedInContext } from '$lib/server/http/context';
import { action, formActions, notFound, page, type ActionEvent } from '$lib/server/http/handlers';
import { concernFromComment, pledgeCommentForOfficer } from '$lib/server/forum/moderation';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** One named comment: participation officers only, like the moderation pages. */
function namedComment(ctx: SignedInContext, event: Pick<ActionEvent, 'params'>) {
	const comment = pledgeCommentForOfficer(ctx.db, event.params.promise, event.params.person);
	if (!comment) notFound();
	return comment;
}

export const load = page('readPledgeComments', (ctx, event) => ({
	comment: namedComment(ctx, event)
})) satisfies PageServerLoad;

/** The concern form, about a comment that is there (404 before anything is read otherwise). */
function concernForm(ctx: SignedInContext, event: ActionEvent) {
	namedComment(ctx, event);
	return concernSchema;
}

export const actions = formActions({
	concern: action('readPledgeComments', concernForm, (ctx, concern, event) => {
		concernFromComment(
			ctx.db,
			ctx.user.id,
			event.params.promise,
			event.params.person,
			concern,
			ctx.now
		);
		return { done: m.concern_raised() };
	})
}) satisfies Actions;
