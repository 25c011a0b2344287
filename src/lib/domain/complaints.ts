import { addCalendarDays, addWorkingDays, isWorkingDay } from './reviews';
import type { Answers } from './voice';

/**
 * Complaints and advocacy, under the Children Act 1989 Representations Procedure (England)
 * Regulations 2006 (SI 2006/1738). A young person's complaint starts at stage 1, local
 * resolution (reg 14): the council answers within 10 working days of receiving it, and may take
 * up to 10 more (20 in all) when it needs them. "Working day" is reg 2's: not a Saturday,
 * Sunday, Christmas Day, Boxing Day, Good Friday or a bank holiday, which is what
 * `isWorkingDay` in reviews.ts counts (England and Wales bank holidays).
 */

/** Stage 1: the answer is due within this many working days of the complaint (reg 14). */
export const STAGE_ONE_WORKING_DAYS = 10;
/** Stage 1 extended: at most this many working days in all. */
export const STAGE_ONE_EXTENDED_WORKING_DAYS = 20;

const picked = (answers: Answers, question: string): string[] => {
	const value = answers[question];
	return Array.isArray(value) ? value : value ? [value] : [];
};

/** Whether the "I want to complain" form's answers make a complaint. */
export function wantsToComplain(answers: Answers): boolean {
	return picked(answers, 'want').some((want) => want === 'complain' || want === 'both');
}

/** Whether they asked for an advocate. */
export function wantsAnAdvocate(answers: Answers): boolean {
	return picked(answers, 'want').some((want) => want === 'advocate' || want === 'both');
}

/**
 * Whether they said yes to passing their name and words to the advocacy service. Only a yes is
 * a yes: no answer keeps it private (the ICO Children's Code: the most private by default).
 */
export function agreesToShareWithAdvocacy(answers: Answers): boolean {
	return wantsAnAdvocate(answers) && picked(answers, 'share').includes('share_yes');
}

/** The day a stage-1 answer is due: 10 working days from receipt, 20 when extended. */
export function stageOneDueOn(receivedOn: string, extended: boolean): string {
	return addWorkingDays(
		receivedOn,
		extended ? STAGE_ONE_EXTENDED_WORKING_DAYS : STAGE_ONE_WORKING_DAYS
	);
}

/**
 * Working days from `today` to `dueOn`: the working days after today up to and including the
 * due day, so 1 when it is due on the next working day and 0 on the day itself. Once the day has
 * passed, minus the working days since (a weekend straight after it counts none).
 */
export function workingDaysLeft(today: string, dueOn: string): number {
	const [from, to, sign] = today <= dueOn ? [today, dueOn, 1] : [dueOn, today, -1];
	let count = 0;
	for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1))
		if (isWorkingDay(day)) count++;
	return count === 0 ? 0 : sign * count;
}

export type ComplaintStage = 'open' | 'extended' | 'answered';

export interface ComplaintClock {
	/** When the stage-1 answer is (or was) due. */
	dueOn: string;
	stage: ComplaintStage;
	/** Not answered and the due day has passed. */
	overdue: boolean;
	/** Working days left until due (negative when overdue); null once answered. */
	daysLeft: number | null;
	/** Answered after the due day. */
	answeredLate: boolean;
}

/** Where a complaint stands on the stage-1 clock today. */
export function complaintClock(
	complaint: { receivedOn: string; extended: boolean; answeredOn: string | null },
	today: string
): ComplaintClock {
	const dueOn = stageOneDueOn(complaint.receivedOn, complaint.extended);
	if (complaint.answeredOn)
		return {
			dueOn,
			stage: 'answered',
			overdue: false,
			daysLeft: null,
			answeredLate: complaint.answeredOn > dueOn
		};
	return {
		dueOn,
		stage: complaint.extended ? 'extended' : 'open',
		overdue: today > dueOn,
		daysLeft: workingDaysLeft(today, dueOn),
		answeredLate: false
	};
}
