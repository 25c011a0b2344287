import Holidays from 'date-holidays';
import { addDays, addMonths, differenceInCalendarDays, format, getDay, parseISO } from 'date-fns';

/**
 * Statutory reviews for children in care (Care Planning Regulations 2010, reg. 33), counted in
 * each period of care: the first within 20 working days of its start, the second within 3 months
 * of the first, then within 6 months of the one before. Working days skip weekends and England and Wales bank
 * holidays (from the date-holidays data set, which includes substitute days).
 */

// England and Wales share their bank holidays; date-holidays keeps them under GB-ENG.
const englandAndWales = new Holidays('GB', 'ENG');
const holidayYears = new Map<number, Set<string>>();

/** Bank holidays in England and Wales for a year, as YYYY-MM-DD. */
export function bankHolidays(year: number): Set<string> {
	let days = holidayYears.get(year);
	if (!days) {
		days = new Set(
			(englandAndWales.getHolidays(year) || [])
				.filter((holiday) => holiday.type === 'public')
				.map((holiday) => holiday.date.slice(0, 10))
		);
		holidayYears.set(year, days);
	}
	return days;
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

export function isWorkingDay(day: string): boolean {
	const date = parseISO(day);
	const weekday = getDay(date);
	return weekday !== 0 && weekday !== 6 && !bankHolidays(date.getFullYear()).has(day);
}

/** The date `count` working days after `day` (the day itself does not count). */
export function addWorkingDays(day: string, count: number): string {
	let date = parseISO(day);
	let left = count;
	while (left > 0) {
		date = addDays(date, 1);
		if (isWorkingDay(iso(date))) left--;
	}
	return iso(date);
}

/** A date some calendar days on (or back, when negative). */
export function addCalendarDays(day: string, days: number): string {
	return iso(addDays(parseISO(day), days));
}

/** A date some calendar months on; 31 August plus 6 months is the end of February. */
export function addCalendarMonths(day: string, months: number): string {
	return iso(addMonths(parseISO(day), months));
}

/** When review number `number` (1, 2, 3, ...) of a period of care is due, given when the period began and when the one before was held. */
export function reviewDueOn(
	number: number,
	periodStartedOn: string,
	previousHeldOn?: string
): string {
	if (number === 1) return addWorkingDays(periodStartedOn, 20);
	if (!previousHeldOn) throw new Error('A later review is due from the one before it');
	return addCalendarMonths(previousHeldOn, number === 2 ? 3 : 6);
}

export interface HeldReview {
	heldOn: string;
}

/** What a period of care's review schedule starts from. */
export interface CarePeriod {
	startedOn: string;
	/** Short-break-only care (legal status V3 or V4): reviewed under regulation 48. */
	shortBreak: boolean;
	/** For a child already in care when Hearth came: the last review held before, if in this period. */
	lastReviewBeforeHearthOn?: string | null;
}

/**
 * Which rule sets a due date, and the date it counts from, so the IRO's list can say it in one
 * line. `before_hearth_first` and `before_hearth_later` count from the last review held before
 * Hearth: the first of the period when it was held within the first 20 working days, otherwise
 * a later one.
 */
export type DueRule =
	| { kind: 'first'; from: string }
	| { kind: 'second'; from: string }
	| { kind: 'later'; from: string }
	| { kind: 'before_hearth_first'; from: string }
	| { kind: 'before_hearth_later'; from: string }
	| { kind: 'short_break_first'; from: string }
	| { kind: 'short_break_later'; from: string }
	| { kind: 'pathway_plan'; from: string };

/** When a review is due under a rule. */
export function dueUnder(rule: DueRule): string {
	switch (rule.kind) {
		case 'first':
			return addWorkingDays(rule.from, 20);
		case 'second':
		case 'before_hearth_first':
		case 'short_break_first':
			return addCalendarMonths(rule.from, 3);
		default:
			return addCalendarMonths(rule.from, 6);
	}
}

/** Calendar days from one date to a later one (negative when it is earlier). */
export function daysFrom(from: string, to: string): number {
	return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export interface TimelineEntry {
	/** Which review of the period this is; null when reviews before Hearth leave the count unknown. */
	number: number | null;
	dueOn: string;
	rule: DueRule;
}

export interface ReviewTimeline {
	/** Each review held in the period, in order, with when it was due and whether it was late. */
	held: (TimelineEntry & { heldOn: string; late: boolean })[];
	/** The next review: when it is due, and by how many days it is overdue (0 when it is not). */
	next: TimelineEntry & { overdue: boolean; daysOverdue: number };
}

/** The rule for the review after `count` reviews of a period held in Hearth, the last on `lastHeldOn`. */
function ruleAfter(
	period: CarePeriod,
	count: number,
	lastHeldOn: string | undefined
): TimelineEntry {
	const before =
		period.lastReviewBeforeHearthOn && period.lastReviewBeforeHearthOn >= period.startedOn
			? period.lastReviewBeforeHearthOn
			: null;
	if (period.shortBreak) {
		// Regulation 48(3) modifies regulation 33: the first review within 3 months of the start of
		// the first short break, later ones at intervals of no more than 6 months.
		const from = lastHeldOn ?? before;
		if (!from)
			return { number: 1, dueOn: '', rule: { kind: 'short_break_first', from: period.startedOn } };
		return {
			number: before ? null : count + 1,
			dueOn: '',
			rule: { kind: 'short_break_later', from }
		};
	}
	if (before) {
		// The count of reviews held before Hearth is not known, only the last one; it was the
		// period's first when it fell within the first 20 working days.
		const wasFirst = before <= addWorkingDays(period.startedOn, 20);
		if (count === 0)
			return wasFirst
				? { number: 2, dueOn: '', rule: { kind: 'before_hearth_first', from: before } }
				: { number: null, dueOn: '', rule: { kind: 'before_hearth_later', from: before } };
		return {
			number: wasFirst ? count + 2 : null,
			dueOn: '',
			rule: { kind: 'later', from: lastHeldOn! }
		};
	}
	if (count === 0) return { number: 1, dueOn: '', rule: { kind: 'first', from: period.startedOn } };
	if (count === 1) return { number: 2, dueOn: '', rule: { kind: 'second', from: lastHeldOn! } };
	return { number: count + 1, dueOn: '', rule: { kind: 'later', from: lastHeldOn! } };
}

/**
 * A period of care's reviews (Care Planning Regulations 2010, reg. 33; short breaks reg. 48):
 * when each was due, which were late, and when the next is due. Holding a review early
 * ("bringing it forward") simply starts the next interval sooner.
 */
export function reviewTimeline(
	period: CarePeriod,
	reviews: readonly HeldReview[],
	today: string
): ReviewTimeline {
	const sorted = [...reviews].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
	const entry = (count: number): TimelineEntry => {
		const found = ruleAfter(period, count, sorted[count - 1]?.heldOn);
		return { ...found, dueOn: dueUnder(found.rule) };
	};
	const held = sorted.map((review, index) => {
		const due = entry(index);
		return { ...due, heldOn: review.heldOn, late: review.heldOn > due.dueOn };
	});
	const next = entry(sorted.length);
	const daysOverdue = Math.max(0, daysFrom(next.dueOn, today));
	return { held, next: { ...next, overdue: daysOverdue > 0, daysOverdue } };
}

/**
 * A care leaver's next pathway plan review: at intervals of no more than 6 months (Care Leavers
 * (England) Regulations 2010, reg. 7(2)), from the last one held. Null when none is on record.
 */
export function pathwayPlanNext(
	lastHeldOn: string | null,
	today: string
): (TimelineEntry & { overdue: boolean; daysOverdue: number }) | null {
	if (!lastHeldOn) return null;
	const rule: DueRule = { kind: 'pathway_plan', from: lastHeldOn };
	const dueOn = dueUnder(rule);
	const daysOverdue = Math.max(0, daysFrom(dueOn, today));
	return { number: null, dueOn, rule, overdue: daysOverdue > 0, daysOverdue };
}

/** Why an early review was asked for: the IRO's request (reg. 33(3)(a)) or a change of placement (reg. 32(2)). */
export const EARLY_REVIEW_REASONS = ['iro_request', 'placement_change'] as const;
export type EarlyReviewReason = (typeof EARLY_REVIEW_REASONS)[number];

/**
 * The early-review requests still waiting: those with no review held on or after the day they
 * were made. A review held answers every request made before it.
 */
export function openEarlyRequests<T extends { askedOn: string }>(
	requests: readonly T[],
	heldOn: readonly string[]
): T[] {
	return requests.filter((request) => !heldOn.some((day) => day >= request.askedOn));
}

/** The national participation codes of the looked-after children return, with their meanings. */
export const PARTICIPATION_CODES = {
	PN0: 'Child aged under 4 at the time of the review',
	PN1: 'Child physically attends and speaks for him or herself',
	PN2: 'Child physically attends and an advocate speaks on his or her behalf',
	PN3: 'Child attends and conveys his or her view symbolically (non-verbally)',
	PN4: 'Child physically attends but does not speak for him or herself, does not convey his or her view symbolically (non-verbally) and does not ask an advocate to speak for him or her',
	PN5: 'Child does not attend physically but briefs an advocate to speak for him or her',
	PN6: 'Child does not attend but conveys his or her feelings to the review by a facilitative medium',
	PN7: 'Child does not attend nor are his or her views conveyed to the review'
} as const;
export type ParticipationCode = keyof typeof PARTICIPATION_CODES;
export const PARTICIPATION_CODE_LIST = Object.keys(PARTICIPATION_CODES) as ParticipationCode[];

/**
 * Whether a code fits the child's age on the review date, as the 903 validator checks it (rules
 * 440 and 441): PN0 before the 4th birthday, PN1 to PN7 after it, and either on the birthday
 * itself.
 */
export function participationCodeFits(
	code: ParticipationCode,
	dateOfBirth: string,
	reviewDate: string
): boolean {
	const fourthBirthday = addCalendarMonths(dateOfBirth, 48);
	if (reviewDate === fourthBirthday) return true;
	return reviewDate < fourthBirthday ? code === 'PN0' : code !== 'PN0';
}

/**
 * Why a code cannot be recorded, or null when it can: it must fit the child's age, and PN7
 * ("views not conveyed") is wrong when the child sent their views for this review through Hearth.
 */
export function participationProblem(
	code: ParticipationCode,
	dateOfBirth: string,
	reviewDate: string,
	viewsSentThroughApp: boolean
): 'code_age' | 'code_views_sent' | null {
	if (!participationCodeFits(code, dateOfBirth, reviewDate)) return 'code_age';
	if (code === 'PN7' && viewsSentThroughApp) return 'code_views_sent';
	return null;
}

/**
 * The child's views were given to the review (PN1 to PN3, PN5, PN6). PN4 is not: the child
 * attended but did not speak, show their view, or have an advocate speak for them.
 */
export const VIEWS_GIVEN: readonly ParticipationCode[] = ['PN1', 'PN2', 'PN3', 'PN5', 'PN6'];
/** How: attended and spoke or showed their view themselves; or through an advocate. */
export const ATTENDED_AND_SPOKE: readonly ParticipationCode[] = ['PN1', 'PN3'];
export const THROUGH_ADVOCATE: readonly ParticipationCode[] = ['PN2', 'PN5'];

/** The quarter a date is in, as 2026-Q4. */
export function quarterOf(day: string): string {
	const [year, month] = day.split('-').map(Number);
	return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The last `count` quarters up to and including the one `today` is in, oldest first. */
export function lastQuarters(today: string, count: number): string[] {
	const [year, month] = today.split('-').map(Number);
	const index = year * 4 + Math.floor((month - 1) / 3);
	return Array.from({ length: count }, (_, i) => {
		const q = index - (count - 1 - i);
		return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
	});
}

/** The collection year of the looked-after children return (1 April to 31 March) a day falls in, named by the year it starts. */
export function collectionYearOf(day: string): number {
	const [year, month] = day.split('-').map(Number);
	return month >= 4 ? year : year - 1;
}

/** A day as the 903 return writes dates: DD/MM/YYYY. */
export function date903(day: string): string {
	const [year, month, date] = day.split('-');
	return `${date}/${month}/${year}`;
}

/** The three age groups the consultation adapts its questions to. */
export type AgeBand = 'under_8' | '8_to_12' | '13_plus';

export function ageBand(age: number): AgeBand {
	if (age < 8) return 'under_8';
	if (age < 13) return '8_to_12';
	return '13_plus';
}
