import { getCouncilSettings } from '$lib/server/council/settings';
import { notFound, page } from '$lib/server/http/handlers';
import { actionList, meetingDetail } from '$lib/server/forum/board';
import { youSaidWeDid } from '$lib/server/forum/issues';
import { computedScorecard } from '$lib/server/forum/scorecard';
import type { PageServerLoad } from './$types';

/** Everything a meeting needs on paper: agenda, actions, scorecard, you said we did. */
export const load = page('seeBoard', (ctx, event) => {
	const meeting = meetingDetail(ctx.db, event.params.id, ctx.today);
	if (!meeting) notFound();
	const threshold = getCouncilSettings(ctx.db)?.smallNumberThreshold ?? 6;
	return {
		meeting: {
			meetingOn: meeting.meetingOn,
			place: meeting.place,
			agenda: meeting.agenda,
			attendees: meeting.attendees
		},
		actions: actionList(ctx.db, ctx.today).map(({ ownerId: _o, ...a }) => a),
		scorecard: computedScorecard(ctx.db, ctx.today, 4, threshold),
		answered: youSaidWeDid(ctx.db).slice(0, 20),
		printedAt: ctx.now
	};
}) satisfies PageServerLoad;
