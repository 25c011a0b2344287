import { suppressBreakdown } from '$lib/domain/suppression';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { countYoungPeopleByStatus } from '$lib/server/people/young-people';
import type { PageServerLoad } from './$types';

/** Small numbers are suppressed here, on the server: the page never receives a count under the threshold. */
const SUPPRESSION_THRESHOLD = 6;

export const load: PageServerLoad = (event) => {
	requireRole(event, 'board_member', 'participation_officer');
	const counts = countYoungPeopleByStatus(getDb());
	const [inCare, careLeavers] = suppressBreakdown(
		[counts.inCare, counts.careLeavers],
		SUPPRESSION_THRESHOLD
	);
	return { threshold: SUPPRESSION_THRESHOLD, inCare, careLeavers };
};
