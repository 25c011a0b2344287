import { collectionYearOf } from '$lib/domain/reviews';
import { page } from '$lib/server/http/handlers';
import { reviews903 } from '$lib/server/reviews/measures';
import { reviewWorkList } from '$lib/server/reviews/reviews';
import { councilChildIds } from '$lib/server/people/care-record';
import type { PageServerLoad } from './$types';

export const load = page('useWorkArea', (ctx) => {
	const canExport = ctx.can('exportReviews');
	const year = collectionYearOf(ctx.today);
	const children = reviewWorkList(ctx.db, ctx.user.id, ctx.today);
	const ids = councilChildIds(
		ctx.db,
		children.map((child) => child.id)
	);
	return {
		children: children.map((child) => ({ ...child, councilChildId: ids.get(child.id) ?? null })),
		canExport,
		canSeeService: ctx.can('seeReviewTimeliness'),
		year,
		// The 903 file leaves out reviews of children without a council ID; the manager is told who.
		needsCouncilId: canExport ? reviews903(ctx.db, year).needsCouncilId : []
	};
}) satisfies PageServerLoad;
