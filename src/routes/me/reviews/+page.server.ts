import { page } from '$lib/server/http/handlers';
import { myChair, myReviews, timelineFor } from '$lib/server/reviews/reviews';
import { careStatusOf } from '$lib/server/voice/statements';
import type { PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx) => {
	const careStatus = careStatusOf(ctx.db, ctx.user.id, ctx.today) ?? 'in_care';
	return {
		careStatus,
		chair: myChair(ctx.db, ctx.user.id, ctx.today)?.name ?? null,
		dueOn:
			careStatus === 'in_care'
				? (timelineFor(ctx.db, ctx.user.id, ctx.today)?.next.dueOn ?? null)
				: null,
		reviews: myReviews(ctx.db, ctx.user.id)
	};
}) satisfies PageServerLoad;
