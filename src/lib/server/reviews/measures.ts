import { and, asc, eq, gte } from 'drizzle-orm';
import { countAndShare, suppressCount } from '$lib/domain/suppression';
import { lastQuarters, quarterOf } from '$lib/domain/reviews';
import type { Db } from '../db';
import { reviewMonthCounts, reviews } from '../db/schema';

function heldSince(db: Db, from: string) {
	return db
		.select({
			id: reviews.id,
			youngPersonId: reviews.youngPersonId,
			heldOn: reviews.heldOn,
			dueOn: reviews.dueOn,
			participationCode: reviews.participationCode,
			viewsThroughApp: reviews.viewsThroughApp
		})
		.from(reviews)
		.where(
			and(eq(reviews.kind, 'child_in_care'), eq(reviews.status, 'held'), gte(reviews.heldOn, from))
		)
		.orderBy(asc(reviews.heldOn))
		.all();
}

/**
 * Review measures for the Board, by quarter: reviews held on time, and for children aged 4 and
 * over, how often their views were given (PN1 to PN6) and how. Only suppressed counts and
 * shares leave this function.
 */
export function reviewMeasures(db: Db, today: string, quarters = 4, threshold = 6) {
	const list = lastQuarters(today, quarters);
	// Running totals by month, kept by triggers (drizzle/0008_summaries.sql) with the codes
	// VIEWS_GIVEN, ATTENDED_AND_SPOKE and THROUGH_ADVOCATE name; a unit test holds them together.
	const months = db
		.select()
		.from(reviewMonthCounts)
		.where(gte(reviewMonthCounts.month, quarterStart(list[0]).slice(0, 7)))
		.all();
	return list.map((quarter) => {
		const sum = (key: Exclude<keyof (typeof months)[number], 'month'>) =>
			months
				.filter((row) => quarterOf(`${row.month}-01`) === quarter)
				.reduce((total, row) => total + row[key], 0);
		const held = sum('held');
		const aged4Plus = sum('aged4Plus');
		return {
			quarter,
			held: suppressCount(held, threshold),
			onTime: countAndShare(sum('onTime'), held, threshold),
			aged4Plus: suppressCount(aged4Plus, threshold),
			viewsGiven: countAndShare(sum('viewsGiven'), aged4Plus, threshold),
			attendedAndSpoke: countAndShare(sum('attendedAndSpoke'), aged4Plus, threshold),
			throughAdvocate: countAndShare(sum('throughAdvocate'), aged4Plus, threshold),
			throughApp: countAndShare(sum('throughApp'), aged4Plus, threshold)
		};
	});
}

/** The first day of a quarter such as 2026-Q4, as YYYY-MM-DD. */
export function quarterStart(quarter: string): string {
	const [year, q] = quarter.split('-Q').map(Number);
	return `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * Every held review's participation code, for the council's annual looked-after children
 * return: the child's reference (Hearth's id for them, not their name), review date, code.
 */
export function participationRows(db: Db, from: string, to: string): string[][] {
	return heldSince(db, from)
		.filter((row) => row.heldOn! <= to)
		.map((row) => [row.youngPersonId, row.heldOn!, row.participationCode ?? '']);
}
