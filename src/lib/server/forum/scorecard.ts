import { gte } from 'drizzle-orm';
import {
	daysBetween,
	doneOnTime,
	ENTERED_MEASURES,
	median,
	type EnteredMeasureId
} from '$lib/domain/forum';
import { lastQuarters, quarterOf } from '$lib/domain/reviews';
import {
	countAndShare,
	suppressCount,
	type ShownCount,
	type ShownShare
} from '$lib/domain/suppression';
import { ukToday } from '$lib/domain/people';
import type { Db } from '../db';
import {
	boardActions,
	councilSettings,
	forumIssues,
	promiseRatings,
	safetyAlerts,
	scorecardEntries,
	statements
} from '../db/schema';
import { newId } from '../ids';
import { reviewMeasures } from '../reviews/measures';

const quarterStart = (quarter: string) => {
	const [year, q] = quarter.split('-Q').map(Number);
	return `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
};
const dayOf = (date: Date) => ukToday(date);

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

/**
 * Hearth's own measures by quarter, every count suppressed as DESIGN.md says: issues raised and
 * answered and how long answers took, actions done by their due date, pledge promises rated as
 * kept, statements sent, safety alerts acknowledged within the council's set time, and the
 * review measures.
 */
export function computedScorecard(
	db: Db,
	today: string,
	quarters = 4,
	threshold = 6
): ComputedQuarter[] {
	const list = lastQuarters(today, quarters);
	const from = new Date(`${quarterStart(list[0])}T00:00:00Z`);
	const issues = db
		.select({ createdAt: forumIssues.createdAt, answeredAt: forumIssues.answeredAt })
		.from(forumIssues)
		.where(gte(forumIssues.createdAt, from))
		.all();
	const actions = db
		.select({ dueOn: boardActions.dueOn, doneOn: boardActions.doneOn })
		.from(boardActions)
		.where(gte(boardActions.dueOn, quarterStart(list[0])))
		.all();
	const ratings = db
		.select({ rating: promiseRatings.rating, updatedAt: promiseRatings.updatedAt })
		.from(promiseRatings)
		.where(gte(promiseRatings.updatedAt, from))
		.all();
	const sent = db
		.select({ createdAt: statements.createdAt })
		.from(statements)
		.where(gte(statements.createdAt, from))
		.all();
	const alerts = db
		.select({ raisedAt: safetyAlerts.raisedAt, acknowledgedAt: safetyAlerts.acknowledgedAt })
		.from(safetyAlerts)
		.where(gte(safetyAlerts.raisedAt, from))
		.all();
	const alertMinutes =
		db.select({ minutes: councilSettings.alertMinutes }).from(councilSettings).get()?.minutes ?? 30;
	const reviews = new Map(
		reviewMeasures(db, today, quarters, threshold).map((r) => [r.quarter, r])
	);
	return list.map((quarter) => {
		const raised = issues.filter((i) => quarterOf(dayOf(i.createdAt)) === quarter);
		const answered = issues.filter(
			(i) => i.answeredAt && quarterOf(dayOf(i.answeredAt)) === quarter
		);
		// Actions due in the quarter that has already ended, or is under way.
		const due = actions.filter((a) => quarterOf(a.dueOn) === quarter && a.dueOn <= today);
		const rated = ratings.filter((r) => quarterOf(dayOf(r.updatedAt)) === quarter);
		const review = reviews.get(quarter)!;
		const raisedAlerts = alerts.filter((a) => quarterOf(dayOf(a.raisedAt)) === quarter);
		const inTime = raisedAlerts.filter(
			(a) =>
				a.acknowledgedAt &&
				a.acknowledgedAt.getTime() - a.raisedAt.getTime() <= alertMinutes * 60_000
		);
		const answerDays = answered.map((i) => daysBetween(i.createdAt, i.answeredAt!));
		const answeredShown = suppressCount(answered.length, threshold);
		return {
			quarter,
			issuesRaised: suppressCount(raised.length, threshold),
			issuesAnswered: answeredShown,
			// A time built on a hidden count would give the count away: withheld with it.
			medianDaysToAnswer: answeredShown.kind === 'count' ? median(answerDays) : null,
			actionsOnTime: countAndShare(due.filter(doneOnTime).length, due.length, threshold),
			promisesKept: countAndShare(
				rated.filter((r) => r.rating === 'yes').length,
				rated.length,
				threshold
			),
			statements: suppressCount(
				sent.filter((s) => quarterOf(dayOf(s.createdAt)) === quarter).length,
				threshold
			),
			alertsAcknowledgedInTime: countAndShare(inTime.length, raisedAlerts.length, threshold),
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
	now = new Date()
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
