import { collectionYearOf } from '$lib/domain/reviews';
import { endpoint } from '$lib/server/http/handlers';
import { participationRows, reviews903, REVIEWS_903_HEADER } from '$lib/server/reviews/measures';
import { exportQuerySchema } from '$lib/server/reviews/staff-schemas';
import { csv } from '$lib/server/csv';
import type { RequestHandler } from './$types';

/**
 * The reviews file for the annual looked-after children return (1 April to 31 March, the year
 * given as ?year=2026 for 2026-27; the current year by default). By default the 903 Reviews
 * table (CHILD, DOB, REVIEW, REVIEW_CODE) keyed by the council's child IDs; ?format=hearth gives
 * Hearth's own references instead. Managers only. A year or format that is not one gets a 400
 * saying what is allowed.
 */
export const GET = endpoint('exportReviews', (ctx, event) => {
	const thisYear = collectionYearOf(ctx.today);
	const query = exportQuerySchema(thisYear).safeParse(
		Object.fromEntries(
			['year', 'format'].flatMap((key) => {
				const value = event.url.searchParams.get(key);
				return value === null ? [] : [[key, value]];
			})
		)
	);
	if (!query.success)
		return new Response(query.error.issues.map((issue) => issue.message).join('\n') + '\n', {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	const year = query.data.year ?? thisYear;
	const format = query.data.format ?? '903';
	ctx.audit({ action: 'reviews.exported', detail: `${year} ${format}` });
	if (format === 'hearth')
		return csv(
			`review-participation-${year}-${year + 1}.csv`,
			['child_reference', 'review_date', 'participation_code'],
			participationRows(ctx.db, `${year}-04-01`, `${year + 1}-03-31`)
		);
	return csv(
		`903-reviews-${year}-${year + 1}.csv`,
		REVIEWS_903_HEADER,
		reviews903(ctx.db, year).rows
	);
}) satisfies RequestHandler;
