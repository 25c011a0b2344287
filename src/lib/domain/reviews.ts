import Holidays from 'date-holidays';
import { addDays, addMonths, format, getDay, parseISO } from 'date-fns';
import { ageOn } from './people';

/**
 * Statutory reviews for children in care (Care Planning Regulations 2010, reg. 33): the first
 * within 20 working days of coming into care, the second within 3 months of the first, then
 * within 6 months of the one before. Working days skip weekends and England and Wales bank
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

/** When review number `number` (1, 2, 3, ...) is due, given when care began and when the one before was held. */
export function reviewDueOn(
	number: number,
	careStartedOn: string,
	previousHeldOn?: string
): string {
	if (number === 1) return addWorkingDays(careStartedOn, 20);
	if (!previousHeldOn) throw new Error('A later review is due from the one before it');
	return addCalendarMonths(previousHeldOn, number === 2 ? 3 : 6);
}

export interface HeldReview {
	heldOn: string;
}

export interface ReviewTimeline {
	/** Each review held, in order, with when it was due and whether it was late. */
	held: { number: number; heldOn: string; dueOn: string; late: boolean }[];
	/** The next review: its number, when it is due, and whether that date has passed. */
	next: { number: number; dueOn: string; overdue: boolean };
}

/**
 * A child's reviews from the day they came into care: when each was due, which were late,
 * and when the next is due. Holding a review early ("bringing it forward") simply starts the
 * next interval sooner.
 */
export function reviewTimeline(
	careStartedOn: string,
	reviews: readonly HeldReview[],
	today: string
): ReviewTimeline {
	const sorted = [...reviews].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
	const held = sorted.map((review, index) => {
		const dueOn = reviewDueOn(index + 1, careStartedOn, sorted[index - 1]?.heldOn);
		return { number: index + 1, heldOn: review.heldOn, dueOn, late: review.heldOn > dueOn };
	});
	const number = sorted.length + 1;
	const dueOn = reviewDueOn(number, careStartedOn, sorted.at(-1)?.heldOn);
	return { held, next: { number, dueOn, overdue: today > dueOn } };
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
 * Whether a code fits the child's age on the review date. PN0 is for children under 4, and
 * children under 4 are recorded as PN0, as the return expects.
 */
export function participationCodeFits(
	code: ParticipationCode,
	dateOfBirth: string,
	reviewDate: string
): boolean {
	const under4 = ageOn(dateOfBirth, reviewDate) < 4;
	return under4 ? code === 'PN0' : code !== 'PN0';
}

/** The child's views were given to the review (PN1 to PN6). */
export const VIEWS_GIVEN: readonly ParticipationCode[] = ['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6'];
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

/**
 * The year of the looked-after children return (1 April to 31 March, named by the year it starts):
 * the one asked for when it is a plausible year, otherwise the one today falls in.
 */
export function returnYear(today: string, asked: number): number {
	if (Number.isInteger(asked) && asked > 2000 && asked < 3000) return asked;
	const [year, month] = today.split('-').map(Number);
	return month >= 4 ? year : year - 1;
}

/** The three age groups the consultation adapts its questions to. */
export type AgeBand = 'under_8' | '8_to_12' | '13_plus';

export function ageBand(age: number): AgeBand {
	if (age < 8) return 'under_8';
	if (age < 13) return '8_to_12';
	return '13_plus';
}
