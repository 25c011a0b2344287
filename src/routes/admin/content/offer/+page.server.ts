import { moveSchema } from '$lib/server/offer/content-schemas';
import { action, formActions, page } from '$lib/server/http/handlers';
import { offer } from '$lib/server/offer/content';
import { entitlementIdsWithDrafts, moveEntitlement } from '$lib/server/offer/editing';
import type { Actions, PageServerLoad } from './$types';

export const load = page('editContent', (ctx) => {
	const drafts = entitlementIdsWithDrafts(ctx.db);
	return {
		items: offer(ctx.db).map((item) => ({
			id: item.id,
			title: item.title,
			area: item.area,
			hasDraft: drafts.has(item.id)
		}))
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	move: action('editContent', moveSchema, (ctx, { id, direction }) => {
		moveEntitlement(ctx.db, id, direction);
		return { moved: true };
	})
}) satisfies Actions;
