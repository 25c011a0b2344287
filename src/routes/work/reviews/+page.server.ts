import { page } from '$lib/server/http/handlers';
import { reviewWorkList } from '$lib/server/reviews/reviews';
import { councilChildIds } from '$lib/server/people/care-record';
import type { PageServerLoad } from './$types';

export const load = page('useWorkArea', (ctx) => {
	const children = reviewWorkList(ctx.db, ctx.user.id, ctx.today);
	const ids = councilChildIds(
		ctx.db,
		children.map((child) => child.id)
	);
	return {
		children: children.map((child) => ({ ...child, councilChildId: ids.get(child.id) ?? null })),
		canExport: ctx.can('exportReviews')
	};
}) satisfies PageServerLoad;
