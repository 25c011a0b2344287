import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { SHORT_BREAK_STATUSES } from '$lib/domain/people';
import { shareOf, suppressFigures, type ShownCount } from '$lib/domain/suppression';
import { date903, lastQuarters, quarterOf } from '$lib/domain/reviews';
import type { Db } from '../db';
import { careEpisodes, reviewMonthCounts, reviews, users, youngPeople } from '../db/schema';

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
 * over, how often their views were given (VIEWS_GIVEN: not PN4) and how. Only suppressed counts and
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
		const shown = suppressReviewQuarter(
			{
				held: sum('held'),
				onTime: sum('onTime'),
				aged4Plus: sum('aged4Plus'),
				viewsGiven: sum('viewsGiven'),
				attendedAndSpoke: sum('attendedAndSpoke'),
				throughAdvocate: sum('throughAdvocate'),
				throughApp: sum('throughApp')
			},
			threshold
		);
		const of = (name: keyof typeof shown, total: keyof typeof shown) => ({
			count: shown[name],
			share: shareOf(shown[name], shown[total])
		});
		return {
			quarter,
			held: shown.held,
			onTime: of('onTime', 'held'),
			aged4Plus: shown.aged4Plus,
			viewsGiven: of('viewsGiven', 'aged4Plus'),
			attendedAndSpoke: of('attendedAndSpoke', 'aged4Plus'),
			throughAdvocate: of('throughAdvocate', 'aged4Plus'),
			throughApp: of('throughApp', 'aged4Plus')
		};
	});
}

type ReviewCounts = Record<
	| 'held'
	| 'onTime'
	| 'aged4Plus'
	| 'viewsGiven'
	| 'attendedAndSpoke'
	| 'throughAdvocate'
	| 'throughApp',
	number
>;

/**
 * One quarter's review figures suppressed together. Each share prints its total too (so the
 * reviews for children aged 4 and over are as good as shown), and the differences between the
 * figures are counts of children in their own right: reviews held late, reviews of children
 * under 4, views not given, views given another way, views not sent through Hearth. Each is
 * declared as a figure the page never prints, so it is protected like a hidden cell.
 */
export function suppressReviewQuarter(
	counts: ReviewCounts,
	threshold = 6
): Record<keyof ReviewCounts, ShownCount> {
	const otherWays = counts.viewsGiven - counts.attendedAndSpoke - counts.throughAdvocate;
	const shown = suppressFigures(
		{
			counts: {
				...counts,
				late: counts.held - counts.onTime,
				under4: counts.held - counts.aged4Plus,
				viewsNotGiven: counts.aged4Plus - counts.viewsGiven,
				otherWays,
				notThroughApp: counts.aged4Plus - counts.throughApp
			},
			unshown: ['late', 'under4', 'viewsNotGiven', 'otherWays', 'notThroughApp'],
			relations: [
				{ total: 'held', parts: ['onTime', 'late'] },
				{ total: 'held', parts: ['aged4Plus', 'under4'] },
				{ total: 'aged4Plus', parts: ['viewsGiven', 'viewsNotGiven'] },
				{ total: 'aged4Plus', parts: ['throughApp', 'notThroughApp'] },
				// Attending and speaking, and speaking through an advocate, are distinct ways of giving views.
				...(otherWays >= 0
					? [{ total: 'viewsGiven', parts: ['attendedAndSpoke', 'throughAdvocate', 'otherWays'] }]
					: [])
			]
		},
		threshold
	);
	return shown as Record<keyof ReviewCounts, ShownCount>;
}

/** The first day of a quarter such as 2026-Q4, as YYYY-MM-DD. */
export function quarterStart(quarter: string): string {
	const [year, q] = quarter.split('-Q').map(Number);
	return `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * Every held review's participation code with Hearth's own reference for the child (not their
 * name), ISO dates: the older export, for a council matching children to its own IDs itself.
 */
export function participationRows(db: Db, from: string, to: string): string[][] {
	return heldSince(db, from)
		.filter((row) => row.heldOn! <= to)
		.map((row) => [row.youngPersonId, row.heldOn!, row.participationCode ?? '']);
}

/** The 903 Reviews table's columns, as the DfE specification names them. */
export const REVIEWS_903_HEADER = ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'];

/**
 * The 903 Reviews table for a collection year (1 April to 31 March, named by the year it starts):
 * one row per review held, CHILD the council's own child ID, dates DD/MM/YYYY. Short-break-only
 * periods (V3, V4) are left out, as the return leaves them out (validator rule 399). Reviews of
 * children without a council ID are not written: those children are listed instead.
 */
export function reviews903(db: Db, year: number) {
	const rows = db
		.select({
			youngPersonId: reviews.youngPersonId,
			name: users.displayName,
			councilChildId: youngPeople.councilChildId,
			dateOfBirth: youngPeople.dateOfBirth,
			heldOn: reviews.heldOn,
			code: reviews.participationCode,
			legalStatus: careEpisodes.legalStatus
		})
		.from(reviews)
		.innerJoin(youngPeople, eq(youngPeople.userId, reviews.youngPersonId))
		.innerJoin(users, eq(users.id, reviews.youngPersonId))
		.leftJoin(careEpisodes, eq(careEpisodes.id, reviews.episodeId))
		.where(
			and(
				eq(reviews.kind, 'child_in_care'),
				eq(reviews.status, 'held'),
				gte(reviews.heldOn, `${year}-04-01`),
				lte(reviews.heldOn, `${year + 1}-03-31`)
			)
		)
		.orderBy(asc(youngPeople.councilChildId), asc(reviews.heldOn))
		.all()
		.filter((row) => !row.legalStatus || !SHORT_BREAK_STATUSES.includes(row.legalStatus));
	const needsId = new Map<string, string>();
	for (const row of rows) if (!row.councilChildId) needsId.set(row.youngPersonId, row.name);
	return {
		rows: rows
			.filter((row) => row.councilChildId)
			.map((row) => [
				row.councilChildId!,
				date903(row.dateOfBirth),
				date903(row.heldOn!),
				row.code ?? ''
			]),
		needsCouncilId: [...needsId].map(([id, name]) => ({ id, name }))
	};
}
