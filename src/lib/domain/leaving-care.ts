import { birthdayAt } from './offer';
import {
	SHORT_BREAK_STATUSES,
	ageOn,
	type CareStatus,
	type LeavingCareCategory,
	type LegalStatus
} from './people';

/** What the leaving-care rules need of a period of care. Dates are YYYY-MM-DD; the end day is not in care. */
export interface CarePeriod {
	startedOn: string;
	endedOn: string | null;
	legalStatus: LegalStatus | null;
}

/** 13 weeks, the time in care from 14 that makes a child eligible (Care Planning Regulations 2010, reg 40). */
export const ELIGIBLE_DAYS = 13 * 7;

const DAY = 24 * 60 * 60 * 1000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;

/** Whether a period is short-break-only care (V3/V4), which never counts towards leaving care (reg 40(2)). */
export function isShortBreak(period: Pick<CarePeriod, 'legalStatus'>): boolean {
	return period.legalStatus !== null && SHORT_BREAK_STATUSES.includes(period.legalStatus);
}

/** Whether a period covers a day (its start day in, its end day out). */
function covers(period: CarePeriod, day: string): boolean {
	return period.startedOn <= day && (period.endedOn === null || day < period.endedOn);
}

/**
 * Whether a child is looked after on a day: some period covers it and they are under 18 (at 18
 * nobody is a looked-after child, whatever the record says). Short breaks count here: a child on
 * a V3/V4 break is looked after while it lasts.
 */
export function lookedAfterOn(dateOfBirth: string, periods: CarePeriod[], on: string): boolean {
	return ageOn(dateOfBirth, on) < 18 && periods.some((period) => covers(period, on));
}

/** Days in care (short breaks left out) from `from` up to, not including, `until`. */
function daysInCare(periods: CarePeriod[], from: string, until: string): number {
	let days = 0;
	for (const period of periods) {
		if (isShortBreak(period)) continue;
		const start = Math.max(dayNumber(period.startedOn), dayNumber(from));
		const end = Math.min(
			period.endedOn === null ? Infinity : dayNumber(period.endedOn),
			dayNumber(until)
		);
		if (end > start) days += end - start;
	}
	return days;
}

/** The day after a date. */
const nextDay = (day: string) => new Date((dayNumber(day) + 1) * DAY).toISOString().slice(0, 10);

/**
 * Whether the eligibility test was met by a day: 13 weeks in care (short breaks aside) that began
 * after the 14th birthday and ended after the 16th, so at least one such day on or after the
 * 16th birthday (Children Act 1989 Sch 2 para 19B; reg 40), all before the 18th birthday.
 */
function metEligibilityBy(dateOfBirth: string, periods: CarePeriod[], on: string): boolean {
	const at14 = birthdayAt(dateOfBirth, 14);
	const at16 = birthdayAt(dateOfBirth, 16);
	const at18 = birthdayAt(dateOfBirth, 18);
	const until = on < at18 ? nextDay(on) : at18;
	if (until <= at16) return false;
	return daysInCare(periods, at16, until) > 0 && daysInCare(periods, at14, until) >= ELIGIBLE_DAYS;
}

/** Whether they were in care (short breaks aside) on some day from the 16th birthday, while a child. */
function inCareFrom16(dateOfBirth: string, periods: CarePeriod[], on: string): boolean {
	const at16 = birthdayAt(dateOfBirth, 16);
	const at18 = birthdayAt(dateOfBirth, 18);
	const until = on < at18 ? nextDay(on) : at18;
	return until > at16 && daysInCare(periods, at16, until) > 0;
}

/**
 * The leaving-care category the law gives on a day, from the date of birth and every period of
 * care: `eligible` (16 or 17, in care, 13 weeks from 14: Sch 2 para 19B), `relevant` (16 or 17,
 * was eligible, no longer in care: s23A), `former_relevant` (18 or over, was eligible or relevant
 * before 18: s23C), `qualifying` (16 or over, in care at some time from 16 but none of those:
 * s24), otherwise `none`. Short-break-only care (V3/V4) never counts (reg 40(2)).
 */
export function derivedCategory(
	dateOfBirth: string,
	periods: CarePeriod[],
	on: string
): LeavingCareCategory {
	const age = ageOn(dateOfBirth, on);
	if (age < 16) return 'none';
	const counted = periods.filter((period) => !isShortBreak(period));
	const inCareNow = lookedAfterOn(dateOfBirth, counted, on);
	const met = metEligibilityBy(dateOfBirth, counted, on);
	if (age >= 18) {
		if (met) return 'former_relevant';
		return inCareFrom16(dateOfBirth, counted, on) ? 'qualifying' : 'none';
	}
	if (inCareNow) return met ? 'eligible' : 'none';
	if (met) return 'relevant';
	return inCareFrom16(dateOfBirth, counted, on) ? 'qualifying' : 'none';
}

/** What a young person's category is worked out from: their record, as the database holds it. */
export interface CareRecord {
	dateOfBirth: string;
	periods: CarePeriod[];
	/** What was typed at invitation, before periods of care were kept: used only when there are none. */
	recordedStatus: CareStatus;
	recordedCategory: LeavingCareCategory | null;
	/** An officer's override: wins over everything else. */
	override: LeavingCareCategory | null;
}

/**
 * A young person's leaving-care category on a day: an officer's override; else the one the law
 * gives from their periods of care; else (a record moved from before periods were kept) the one
 * typed at invitation, which becomes former relevant on the 18th birthday as s23C says.
 */
export function categoryOn(record: CareRecord, on: string): LeavingCareCategory {
	const adult = ageOn(record.dateOfBirth, on) >= 18;
	// s23C: whoever was eligible or relevant becomes former relevant at 18, an override too.
	const grownUp = (category: LeavingCareCategory): LeavingCareCategory =>
		adult && (category === 'eligible' || category === 'relevant') ? 'former_relevant' : category;
	if (record.override) return grownUp(record.override);
	const recorded = record.recordedCategory ?? 'none';
	if (!record.periods.length) return grownUp(recorded);
	const derived = derivedCategory(record.dateOfBirth, record.periods, on);
	// A category typed before periods were kept is not lost when only some of the periods are
	// entered (say the last one, at 17): it stays as a floor until an officer overrides it.
	if (LEAVING_CARE_DUTIES.includes(recorded) && !LEAVING_CARE_DUTIES.includes(derived)) {
		if (adult) return 'former_relevant';
		return lookedAfterOn(record.dateOfBirth, record.periods, on) ? 'eligible' : 'relevant';
	}
	return derived;
}

/** The categories owed the fuller leaving-care duties (a personal adviser and a pathway plan). */
const LEAVING_CARE_DUTIES: readonly LeavingCareCategory[] = [
	'eligible',
	'relevant',
	'former_relevant'
];

/**
 * Whether a young person is in care or has left on a day. In care while a period covers the day
 * and they are under 18, and between the short breaks of a series (reg 48: each break is its own
 * period, the series one placement). Left care otherwise. With no periods on record, what was
 * typed at invitation, until the 18th birthday.
 */
export function careStatusOn(record: CareRecord, on: string): CareStatus {
	const adult = ageOn(record.dateOfBirth, on) >= 18;
	if (!record.periods.length) return adult ? 'care_leaver' : record.recordedStatus;
	if (lookedAfterOn(record.dateOfBirth, record.periods, on)) return 'in_care';
	if (adult) return 'care_leaver';
	const latest = [...record.periods].sort((a, b) => b.startedOn.localeCompare(a.startedOn))[0];
	return isShortBreak(latest) && categoryOn(record, on) === 'none' ? 'in_care' : 'care_leaver';
}

/** The open period of care on a day (the one a child's reviews now belong to), if any. */
export function currentPeriod<P extends CarePeriod>(periods: P[], on: string): P | null {
	return periods.find((period) => covers(period, on)) ?? null;
}

/** Whether a child's care on a day is short breaks only (V3/V4): its own review rule, no leaving-care duties. */
export function onShortBreaksOnly(periods: CarePeriod[], on: string): boolean {
	const current = currentPeriod(periods, on);
	return current !== null && isShortBreak(current);
}

export type PeriodProblem = 'ends_before_start' | 'overlaps' | 'two_open';

/**
 * What is wrong with a child's periods of care, if anything: each ends after it starts, no two
 * overlap (a child is in one period at a time), at most one is still open.
 */
export function periodsProblem(periods: CarePeriod[]): PeriodProblem | null {
	if (periods.some((period) => period.endedOn !== null && period.endedOn <= period.startedOn))
		return 'ends_before_start';
	if (periods.filter((period) => period.endedOn === null).length > 1) return 'two_open';
	const sorted = [...periods].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
	for (let i = 1; i < sorted.length; i++) {
		const before = sorted[i - 1];
		if (before.endedOn === null || before.endedOn > sorted[i].startedOn) return 'overlaps';
	}
	return null;
}

/** What a 16- or 17-year-old can plan for at 18, by law. */
export type ComingAt18 = 'staying_put' | 'bursary' | 'staying_close';

/**
 * What is coming at 18 for a 16- or 17-year-old who will be former relevant then: Staying Put
 * when they live in foster care (s23CZA), Staying Close when they live in a children's home (not
 * yet in force), and the higher-education bursary (s23C(5A)). Empty for anyone else.
 */
export function comingAt18(
	dateOfBirth: string,
	record: CareRecord,
	placementType: string | null,
	on: string
): ComingAt18[] {
	const age = ageOn(dateOfBirth, on);
	if (age < 16 || age >= 18) return [];
	if (categoryOn(record, birthdayAt(dateOfBirth, 18)) !== 'former_relevant') return [];
	const coming: ComingAt18[] = [];
	if (placementType?.startsWith('U')) coming.push('staying_put');
	if (placementType === 'K2' || placementType === 'R1') coming.push('staying_close');
	coming.push('bursary');
	return coming;
}
