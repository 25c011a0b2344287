import { and, asc, eq, gte } from 'drizzle-orm';
import { countAndShare, suppressCount } from '$lib/domain/suppression';
import {
	ATTENDED_AND_SPOKE,
	THROUGH_ADVOCATE,
	VIEWS_GIVEN,
	lastQuarters,
	quarterOf,
	type ParticipationCode
} from '$lib/domain/reviews';
import type { Db } from '../db';
import { reviews } from '../db/schema';

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
	const [year, q] = list[0].split('-Q').map(Number);
	const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
	const rows = heldSince(db, from);
	return list.map((quarter) => {
		const inQuarter = rows.filter((row) => quarterOf(row.heldOn!) === quarter);
		const code = (row: (typeof rows)[number]) => row.participationCode as ParticipationCode;
		const aged4Plus = inQuarter.filter((row) => code(row) !== 'PN0');
		const count = (list: typeof rows, test: (row: (typeof rows)[number]) => boolean) =>
			list.filter(test).length;
		return {
			quarter,
			held: suppressCount(inQuarter.length, threshold),
			onTime: countAndShare(
				count(inQuarter, (row) => !!row.dueOn && row.heldOn! <= row.dueOn),
				inQuarter.length,
				threshold
			),
			aged4Plus: suppressCount(aged4Plus.length, threshold),
			viewsGiven: countAndShare(
				count(aged4Plus, (row) => VIEWS_GIVEN.includes(code(row))),
				aged4Plus.length,
				threshold
			),
			attendedAndSpoke: countAndShare(
				count(aged4Plus, (row) => ATTENDED_AND_SPOKE.includes(code(row))),
				aged4Plus.length,
				threshold
			),
			throughAdvocate: countAndShare(
				count(aged4Plus, (row) => THROUGH_ADVOCATE.includes(code(row))),
				aged4Plus.length,
				threshold
			),
			throughApp: countAndShare(
				count(aged4Plus, (row) => row.viewsThroughApp),
				aged4Plus.length,
				threshold
			)
		};
	});
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
