import { suppressBreakdown } from '$lib/domain/suppression';
import { page } from '$lib/server/http/handlers';
import { alertsFor } from '$lib/server/voice/inbox';
import { getCouncilSettings } from '$lib/server/council/settings';
import { countYoungPeopleByStatus } from '$lib/server/people/young-people';
import { suppressedStatementCounts } from '$lib/server/voice/counts';
import { reviewMeasures } from '$lib/server/reviews/measures';
import { actionsNeedingAttention } from '$lib/server/forum/board';
import type { PageServerLoad } from './$types';

const VOICE_MONTHS = 6;

/** Small numbers are suppressed here, on the server: the page never receives a count under the threshold. */
export const load = page('seeBoard', (ctx) => {
	const threshold = getCouncilSettings(ctx.db)?.smallNumberThreshold ?? 6;
	const counts = countYoungPeopleByStatus(ctx.db, ctx.today);
	// The council publishes how many young people it looks after (in its 903 return and reports),
	// so the two are suppressed as parts of a known total.
	const {
		parts: [inCare, careLeavers]
	} = suppressBreakdown([counts.inCare, counts.careLeavers], threshold);
	return {
		mayModerate: ctx.can('moderateIssues'),
		// A manager on the Board is told here that alerts are open, without names: the Board's
		// pages may be on a shared screen. The names are one link away, in their inbox.
		openAlerts: ctx.can('seeEveryAlert') ? alertsFor(ctx.db, ctx.user, ctx.now).length : 0,
		// Overdue and at-risk actions first.
		...actionsNeedingAttention(ctx.db, ctx.today),
		threshold,
		reviews: reviewMeasures(ctx.db, ctx.today, 4, threshold),
		inCare,
		careLeavers,
		voice: suppressedStatementCounts(ctx.db, VOICE_MONTHS, ctx.now, threshold)
	};
}) satisfies PageServerLoad;

// No framework JavaScript: the page is a server-made view, with enhance.js for the bell.
export const csr = false;
