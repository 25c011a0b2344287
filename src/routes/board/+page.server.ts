import { suppressBreakdown, suppressedTable } from '$lib/domain/suppression';
import { TEMPLATE_IDS, THEMES } from '$lib/domain/voice';
import { seesEveryAlert } from '$lib/domain/roles';
import { requireRole } from '$lib/server/auth/guard';
import { alertsFor } from '$lib/server/voice/inbox';
import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import { countYoungPeopleByStatus } from '$lib/server/people/young-people';
import { statementCounts } from '$lib/server/voice/counts';
import { now } from '$lib/server/clock';
import { reviewMeasures } from '$lib/server/reviews/measures';
import { actionsNeedingAttention } from '$lib/server/forum/board';
import { ukToday } from '$lib/domain/people';
import type { PageServerLoad } from './$types';

const VOICE_MONTHS = 6;

/** Small numbers are suppressed here, on the server: the page never receives a count under the threshold. */
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'board_member', 'participation_officer');
	const db = getDb();
	const threshold = getCouncilSettings(db)?.smallNumberThreshold ?? 6;
	const counts = countYoungPeopleByStatus(db);
	const [inCare, careLeavers] = suppressBreakdown([counts.inCare, counts.careLeavers], threshold);
	const voice = statementCounts(db, VOICE_MONTHS, now());
	const column = <K extends string>(rows: { key: K; month: string; count: number }[]) =>
		rows.map((row) => ({ key: row.key, column: row.month, count: row.count }));
	return {
		isOfficer: user.roles.includes('participation_officer'),
		// A manager on the Board is told here that alerts are open, without names: the Board's
		// pages may be on a shared screen. The names are one link away, in their inbox.
		openAlerts: seesEveryAlert(user.roles) ? alertsFor(db, user, now()).length : 0,
		// Overdue and at-risk actions first.
		...actionsNeedingAttention(db, ukToday(now())),
		threshold,
		reviews: reviewMeasures(db, ukToday(now()), 4, threshold),
		inCare,
		careLeavers,
		voice: {
			months: voice.months,
			// Each statement has one template, so template rows add up to the total.
			byTemplate: suppressedTable(TEMPLATE_IDS, voice.months, column(voice.byTemplate), {
				threshold,
				rowsAddUp: true
			}),
			// A statement can carry several themes, so theme rows do not add up: no shares there.
			byTheme: suppressedTable(THEMES, voice.months, column(voice.byTheme), {
				threshold,
				rowsAddUp: false
			})
		}
	};
};

// No framework JavaScript: the page is a server-made view, with enhance.js for the bell.
export const csr = false;
