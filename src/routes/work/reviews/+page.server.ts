import { page } from '$lib/server/http/handlers';
import { reviewWorkList } from '$lib/server/reviews/reviews';
import type { PageServerLoad } from './$types';

export const load = page('useWorkArea', (ctx) => ({
	children: reviewWorkList(ctx.db, ctx.user.id, ctx.today),
	canExport: ctx.can('exportReviews')
})) satisfies PageServerLoad;
