import { error } from '@sveltejs/kit';
import { moveSchema, promiseSchema } from '$lib/server/offer/content-schemas';
import { action, formActions, page } from '$lib/server/http/handlers';
import { pledge, pledgeThemeExists } from '$lib/server/offer/content';
import { movePromise, savePromise } from '$lib/server/offer/editing';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('editContent', (ctx) => ({
	themes: pledge(ctx.db)
})) satisfies PageServerLoad;

export const actions = formActions({
	save: action('editContent', promiseSchema, (ctx, promise) => {
		if (!pledgeThemeExists(ctx.db, promise.themeId)) error(404, m.error_not_found());
		const id = savePromise(ctx.db, ctx.user.id, promise, ctx.now);
		// The page says "saved" beside this promise's own form.
		return { done: m.pledge_saved(), promiseId: id };
	}),
	move: action('editContent', moveSchema, (ctx, { id, direction }) => {
		movePromise(ctx.db, id, direction);
		return { moved: true };
	})
}) satisfies Actions;
