import { error } from '@sveltejs/kit';
import { ukToday } from '$lib/domain/people';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import { actionList, meetingDetail } from '$lib/server/forum/board';
import { youSaidWeDid } from '$lib/server/forum/issues';
import { computedScorecard } from '$lib/server/forum/scorecard';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** Everything a meeting needs on paper: agenda, actions, scorecard, you said we did. */
export const load: PageServerLoad = (event) => {
	requireRole(event, 'board_member', 'participation_officer');
	const db = getDb();
	const today = ukToday(now());
	const meeting = meetingDetail(db, event.params.id, today);
	if (!meeting) error(404, m.error_not_found());
	const threshold = getCouncilSettings(db)?.smallNumberThreshold ?? 6;
	return {
		meeting: {
			meetingOn: meeting.meetingOn,
			place: meeting.place,
			agenda: meeting.agenda,
			attendees: meeting.attendees
		},
		actions: actionList(db, today).map(({ ownerId: _o, ...a }) => a),
		scorecard: computedScorecard(db, today, 4, threshold),
		answered: youSaidWeDid(db).slice(0, 20),
		printedAt: now()
	};
};
