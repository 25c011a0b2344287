import { returnYear } from '$lib/domain/reviews';
import { endpoint } from '$lib/server/http/handlers';
import { participationRows } from '$lib/server/reviews/measures';
import { csv } from '$lib/server/csv';
import type { RequestHandler } from './$types';

/**
 * Participation codes per review for the annual looked-after children return (1 April to
 * 31 March, the year given as ?year=2026 for 2026-27; the current year by default). Managers only.
 */
export const GET = endpoint('exportReviews', (ctx, event) => {
	const year = returnYear(ctx.today, Number(event.url.searchParams.get('year')));
	const rows = participationRows(ctx.db, `${year}-04-01`, `${year + 1}-03-31`);
	ctx.audit({ action: 'reviews.exported', detail: String(year) });
	return csv(
		`review-participation-${year}-${year + 1}.csv`,
		['child_reference', 'review_date', 'participation_code'],
		rows
	);
}) satisfies RequestHandler;
