export const CARE_STATUSES = ['in_care', 'care_leaver'] as const;
export type CareStatus = (typeof CARE_STATUSES)[number];

/** Leaving-care categories from the Children (Leaving Care) Act 2000; `none` for younger children. */
export const LEAVING_CARE_CATEGORIES = [
	'none',
	'eligible',
	'relevant',
	'former_relevant',
	'qualifying'
] as const;
export type LeavingCareCategory = (typeof LEAVING_CARE_CATEGORIES)[number];

/**
 * Legal statuses of a period of care, as the DfE's SSDA903 return codes them: C1 interim care
 * order, C2 full care order, D1 freeing order, E1 placement order, J1-J3 on remand or detained,
 * L1-L3 police protection or emergency protection, V2 single placements under section 20, V3 and
 * V4 short-break (respite) care only.
 */
export const LEGAL_STATUSES = [
	'C1',
	'C2',
	'D1',
	'E1',
	'J1',
	'J2',
	'J3',
	'L1',
	'L2',
	'L3',
	'V2',
	'V3',
	'V4'
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/** Short-break-only care: reviewed under its own rule (regulation 48) and left out of the 903 Reviews table. */
export const SHORT_BREAK_STATUSES: readonly LegalStatus[] = ['V3', 'V4'];

export const LINK_TYPES = [
	'social_worker',
	'personal_adviser',
	'iro',
	'supervising_social_worker',
	'advocate'
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Young people can use Hearth until their 25th birthday. */
export const MAX_AGE = 25;

/** Age in whole years on a date; someone born on 29 February has their birthday on 1 March in other years. */
export function ageOn(dateOfBirth: string, on: string): number {
	const [by, bm, bd] = dateOfBirth.split('-').map(Number);
	const [y, m, d] = on.split('-').map(Number);
	let age = y - by;
	const birthdayThisYear = bm === 2 && bd === 29 && !isLeapYear(y) ? [3, 1] : [bm, bd];
	if (m < birthdayThisYear[0] || (m === birthdayThisYear[0] && d < birthdayThisYear[1])) age -= 1;
	return age;
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const [y, m, d] = value.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Made once: a formatter costs far more to make than to use, and pages call this per row.
const UK_DATE = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/London',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The date in the UK at a moment, as YYYY-MM-DD (today's, given Hearth's now). */
export function ukToday(at: Date): string {
	return UK_DATE.format(at);
}

/** A link counts from its start date until the day it ends: on its end date it no longer counts. */
export function isLinkActiveOn(
	link: { startsOn: string; endsOn: string | null },
	on: string
): boolean {
	return link.startsOn <= on && (link.endsOn === null || on < link.endsOn);
}
