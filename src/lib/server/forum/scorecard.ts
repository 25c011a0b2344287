import { gte } from 'drizzle-orm';
import { daysBetween, ENTERED_MEASURES, median, type EnteredMeasureId } from '$lib/domain/forum';
import { lastQuarters, quarterOf } from '$lib/domain/reviews';
import {
	shareOf,
	suppressCount,
	suppressFigures,
	type ShownCount,
	type ShownShare
} from '$lib/domain/suppression';
import { ukToday } from '$lib/domain/people';
import type { Db } from '../db';
import { ratingMonthCounts, scorecardEntries, statementMonthCounts } from '../db/schema';
import { newId } from '../ids';
import { quarterStart, reviewMeasures } from '../reviews/measures';
import { alertMinutes } from '../voice/safety';

export interface ComputedQuarter {
	quarter: string;
	issuesRaised: ShownCount;
	issuesAnswered: ShownCount;
	medianDaysToAnswer: number | null;
	actionsOnTime: { count: ShownCount; share: ShownShare };
	promisesKept: { count: ShownCount; share: ShownShare };
	statements: ShownCount;
	reviewsOnTime: { count: ShownCount; share: ShownShare };
	alertsAcknowledgedInTime: { count: ShownCount; share: ShownShare };
	viewsGiven: { count: ShownCount; share: ShownShare };
}

/** The moment a UK calendar day starts (midnight in London, in GMT or BST), in milliseconds. */
export function ukMidnight(day: string): number {
	const utc = Date.parse(`${day}T00:00:00Z`);
	// In British Summer Time, UK midnight is 23:00 UTC the day before.
	return ukToday(new Date(utc - 3_600_000)) === day ? utc - 3_600_000 : utc;
}

/**
 * A count of some of a total, with its share. The share prints the total, and the rest (actions
 * done late, promises not rated as kept) is a count too, so the three are suppressed together.
 */
function partOfTotal(
	part: number,
	total: number,
	threshold: number
): { count: ShownCount; share: ShownShare } {
	const shown = suppressFigures(
		{
			counts: { part, total, rest: total - part },
			unshown: ['rest'],
			relations: [{ total: 'total', parts: ['part', 'rest'] }]
		},
		threshold
	);
	return { count: shown.part, share: shareOf(shown.part, shown.total) };
}

/** The first day after a quarter, as YYYY-MM-DD. */
function nextQuarterStart(quarter: string): string {
	const [year, q] = quarter.split('-Q').map(Number);
	return q === 4 ? `${year + 1}-01-01` : quarterStart(`${year}-Q${q + 1}`);
}

/**
 * Hearth's own measures by quarter, every count suppressed as DESIGN.md says: issues raised and
 * answered and how long answers took, actions done by their due date, pledge promises rated as
 * kept, statements sent, safety alerts acknowledged within the council's set time, and the
 * review measures. Each is a count over an index range or a read of running totals, so the
 * page costs the same for a council of 1,000 young people and one of 100,000.
 */
export function computedScorecard(
	db: Db,
	today: string,
	quarters = 4,
	threshold = 6
): ComputedQuarter[] {
	const list = lastQuarters(today, quarters);
	// Ratings and statements come from running totals by month (drizzle/0008_summaries.sql).
	const fromMonth = quarterStart(list[0]).slice(0, 7);
	const ratings = db
		.select()
		.from(ratingMonthCounts)
		.where(gte(ratingMonthCounts.month, fromMonth))
		.all();
	const sent = db
		.select()
		.from(statementMonthCounts)
		.where(gte(statementMonthCounts.month, fromMonth))
		.all();
	const inQuarter = (month: string, quarter: string) => quarterOf(`${month}-01`) === quarter;
	const inTimeMs = alertMinutes(db) * 60_000;
	const reviews = new Map(
		reviewMeasures(db, today, quarters, threshold).map((r) => [r.quarter, r])
	);
	const client = db.$client;
	const raisedIn = client.prepare(
		'select count(*) as n from forum_issues where created_at >= ? and created_at < ?'
	);
	const answeredIn = client.prepare(
		'select created_at as createdAt, answered_at as answeredAt from forum_issues where answered_at >= ? and answered_at < ?'
	);
	const actionsDueIn = client.prepare(
		'select count(*) as due, coalesce(sum(done_on is not null and done_on <= due_on), 0) as onTime from board_actions where due_on >= ? and due_on < ? and due_on <= ?'
	);
	const alertsIn = client.prepare(
		'select count(*) as raised, coalesce(sum(acknowledged_at - raised_at <= ?), 0) as inTime from safety_alerts where raised_at >= ? and raised_at < ?'
	);
	return list.map((quarter) => {
		const [startDay, endDay] = [quarterStart(quarter), nextQuarterStart(quarter)];
		const [start, end] = [ukMidnight(startDay), ukMidnight(endDay)];
		const raised = (raisedIn.get(start, end) as { n: number }).n;
		const answered = answeredIn.all(start, end) as { createdAt: number; answeredAt: number }[];
		// Actions due in the quarter that has already ended, or is under way.
		const actions = actionsDueIn.get(startDay, endDay, today) as { due: number; onTime: number };
		const alerts = alertsIn.get(inTimeMs, start, end) as {
			raised: number;
			inTime: number;
		};
		const rated = ratings.filter((r) => inQuarter(r.month, quarter));
		const ratedCount = rated.reduce((total, r) => total + r.rated, 0);
		const keptCount = rated.reduce((total, r) => total + r.kept, 0);
		const review = reviews.get(quarter)!;
		const answerDays = answered.map((i) =>
			daysBetween(new Date(i.createdAt), new Date(i.answeredAt))
		);
		const answeredShown = suppressCount(answered.length, threshold);
		return {
			quarter,
			issuesRaised: suppressCount(raised, threshold),
			issuesAnswered: answeredShown,
			// A time built on a hidden count would give the count away: withheld with it.
			medianDaysToAnswer: answeredShown.kind === 'count' ? median(answerDays) : null,
			actionsOnTime: partOfTotal(actions.onTime, actions.due, threshold),
			promisesKept: partOfTotal(keptCount, ratedCount, threshold),
			statements: suppressCount(
				sent.filter((s) => inQuarter(s.month, quarter)).reduce((total, s) => total + s.count, 0),
				threshold
			),
			alertsAcknowledgedInTime: partOfTotal(alerts.inTime, alerts.raised, threshold),
			reviewsOnTime: review.onTime,
			viewsGiven: review.viewsGiven
		};
	});
}

/** The measures the performance team entered, by measure and quarter. */
export function enteredScorecard(db: Db, today: string, quarters = 4) {
	const list = lastQuarters(today, quarters);
	const rows = db.select().from(scorecardEntries).all();
	return ENTERED_MEASURES.map((measure) => ({
		...measure,
		quarters: list.map((quarter) => {
			const entry = rows.find((row) => row.measure === measure.id && row.quarter === quarter);
			return {
				quarter,
				value: entry?.value ?? null,
				target: entry?.target ?? null,
				national: entry?.national ?? null,
				regional: entry?.regional ?? null
			};
		})
	}));
}

/** Enter (or correct) a measure for a quarter. */
export function saveScorecardEntry(
	db: Db,
	userId: string,
	input: {
		measure: EnteredMeasureId;
		quarter: string;
		value: number;
		target: number | null;
		national: number | null;
		regional: number | null;
	},
	now: Date
): void {
	const values = { ...input, enteredBy: userId, enteredAt: now };
	db.insert(scorecardEntries)
		.values({ id: newId(), ...values })
		.onConflictDoUpdate({
			target: [scorecardEntries.measure, scorecardEntries.quarter],
			set: values
		})
		.run();
}
