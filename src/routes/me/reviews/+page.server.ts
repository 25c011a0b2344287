import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { myChair, myReviews, timelineFor } from '$lib/server/reviews/reviews';
import { careStatusOf } from '$lib/server/voice/statements';
import { ukToday } from '$lib/domain/people';
import { now } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const db = getDb();
	const today = ukToday(now());
	const careStatus = careStatusOf(db, user.id) ?? 'in_care';
	return {
		careStatus,
		chair: myChair(db, user.id, today)?.name ?? null,
		dueOn: careStatus === 'in_care' ? (timelineFor(db, user.id, today)?.next.dueOn ?? null) : null,
		reviews: myReviews(db, user.id)
	};
};
