import { ukToday } from '$lib/domain/people';
import { requireRole } from '$lib/server/auth/guard';
import { recordAudit } from '$lib/server/audit/log';
import { getDb } from '$lib/server/db';
import { participationRows } from '$lib/server/reviews/measures';
import { csv } from '$lib/server/csv';
import { now } from '$lib/server/clock';
import type { RequestHandler } from './$types';

/**
 * Participation codes per review for the annual looked-after children return (1 April to
 * 31 March, the year given as ?year=2026 for 2026-27; the current year by default). Managers only.
 */
export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'manager');
	const today = ukToday(now());
	const [thisYear, month] = today.split('-').map(Number);
	const asked = Number(event.url.searchParams.get('year'));
	const year =
		Number.isInteger(asked) && asked > 2000 && asked < 3000
			? asked
			: month >= 4
				? thisYear
				: thisYear - 1;
	const rows = participationRows(getDb(), `${year}-04-01`, `${year + 1}-03-31`);
	recordAudit(
		getDb(),
		{
			actorId: user.id,
			action: 'reviews.exported',
			detail: String(year),
			address: event.getClientAddress()
		},
		now()
	);
	return csv(
		`review-participation-${year}-${year + 1}.csv`,
		['child_reference', 'review_date', 'participation_code'],
		rows
	);
};
