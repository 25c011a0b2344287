import { ageOn, MAX_AGE, type LeavingCareCategory } from './people';

/** The Local Offer's areas: the statutory ones, and money as a useful extra. */
export const OFFER_AREAS = [
	'health_wellbeing',
	'relationships',
	'education_training',
	'employment',
	'accommodation',
	'participation',
	'money'
] as const;
export type OfferArea = (typeof OFFER_AREAS)[number];

/** Circumstances an entitlement may depend on; a young person's profile records which apply. */
export const CONDITIONS = [
	'higher_education',
	'education_or_training',
	'young_parent',
	'disabled',
	'unaccompanied_asylum_seeker',
	'lives_in_area',
	'in_custody'
] as const;
export type Condition = (typeof CONDITIONS)[number];

export const FREQUENCIES = ['once', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The leaving-care categories an entitlement can name. */
export const CARE_LEAVER_CATEGORIES = [
	'eligible',
	'relevant',
	'former_relevant',
	'qualifying'
] as const;
export type CareLeaverCategory = (typeof CARE_LEAVER_CATEGORIES)[number];

/**
 * Who an entitlement is for. No categories means anyone in or leaving care. `fromAge` is the
 * birthday it starts on; `untilAge` the birthday it stops on ("until 25" is untilAge 25).
 * Every listed condition must hold.
 */
export interface Eligibility {
	categories: CareLeaverCategory[];
	fromAge: number | null;
	untilAge: number | null;
	conditions: Condition[];
}

export interface Person {
	dateOfBirth: string;
	/** Their leaving-care category today. */
	category: LeavingCareCategory;
	/**
	 * Their category on a later day, as far as the record tells (an eligible 17-year-old is former
	 * relevant at 18): what is coming is judged by the category they will have then.
	 */
	categoryOn?: (on: string) => LeavingCareCategory;
	conditions: Condition[];
}

export type Verdict =
	| { status: 'applies'; endsOn: string | null }
	| { status: 'later'; startsOn: string }
	| { status: 'ended'; endedOn: string }
	| { status: 'not_for_you'; reason: 'category' }
	| { status: 'not_for_you'; reason: 'condition'; missing: Condition[] };

/** The date someone turns `age`; born on 29 February, it is 1 March in other years (as ageOn counts). */
export function birthdayAt(dateOfBirth: string, age: number): string {
	const [y, m, d] = dateOfBirth.split('-').map(Number);
	const year = y + age;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	if (m === 2 && d === 29 && !leap) return `${year}-03-01`;
	return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The category someone has on a day: today's, or the one their record gives then. */
function categoryAt(person: Person, on: string, day: string): LeavingCareCategory {
	return day > on && person.categoryOn ? person.categoryOn(day) : person.category;
}

/**
 * Whether an entitlement is someone's on a date, and if not, why not or when. One that starts at
 * a later birthday is judged by the category they will have on that birthday, so a 17-year-old in
 * foster care is told Staying Put is coming at 18, not that it is not for them.
 */
export function judge(eligibility: Eligibility, person: Person, on: string): Verdict {
	const startsLater =
		eligibility.fromAge !== null && ageOn(person.dateOfBirth, on) < eligibility.fromAge;
	const category = startsLater
		? categoryAt(person, on, birthdayAt(person.dateOfBirth, eligibility.fromAge!))
		: person.category;
	if (
		eligibility.categories.length &&
		!eligibility.categories.includes(category as CareLeaverCategory)
	) {
		return { status: 'not_for_you', reason: 'category' };
	}
	const missing = eligibility.conditions.filter(
		(condition) => !person.conditions.includes(condition)
	);
	if (missing.length) return { status: 'not_for_you', reason: 'condition', missing };
	const age = ageOn(person.dateOfBirth, on);
	if (eligibility.fromAge !== null && age < eligibility.fromAge) {
		return { status: 'later', startsOn: birthdayAt(person.dateOfBirth, eligibility.fromAge) };
	}
	if (eligibility.untilAge !== null && age >= eligibility.untilAge) {
		return { status: 'ended', endedOn: birthdayAt(person.dateOfBirth, eligibility.untilAge) };
	}
	return {
		status: 'applies',
		endsOn:
			eligibility.untilAge === null ? null : birthdayAt(person.dateOfBirth, eligibility.untilAge)
	};
}

/** An impossible rule, in words a form can show; null when the rule is fine. */
export function eligibilityProblem(eligibility: Eligibility): 'ages' | 'too_old' | null {
	const { fromAge, untilAge } = eligibility;
	if (fromAge !== null && untilAge !== null && fromAge >= untilAge) return 'ages';
	if ((fromAge ?? 0) > MAX_AGE || (untilAge ?? 0) > MAX_AGE + 1) return 'too_old';
	return null;
}

export interface Sorted<T> {
	applies: (T & { verdict: Extract<Verdict, { status: 'applies' }> })[];
	later: (T & { verdict: Extract<Verdict, { status: 'later' }> })[];
	ended: (T & { verdict: Extract<Verdict, { status: 'ended' }> })[];
	notForYou: (T & { verdict: Extract<Verdict, { status: 'not_for_you' }> })[];
}

/** Sort a whole offer for one person on one date. */
export function sortOffer<T extends { eligibility: Eligibility }>(
	items: T[],
	person: Person,
	on: string
): Sorted<T> {
	const sorted: Sorted<T> = { applies: [], later: [], ended: [], notForYou: [] };
	for (const item of items) {
		const verdict = judge(item.eligibility, person, on);
		if (verdict.status === 'applies') sorted.applies.push({ ...item, verdict });
		else if (verdict.status === 'later') sorted.later.push({ ...item, verdict });
		else if (verdict.status === 'ended') sorted.ended.push({ ...item, verdict });
		else sorted.notForYou.push({ ...item, verdict });
	}
	return sorted;
}

/** The birthdays that change things in the offer. */
export const MILESTONE_AGES = [16, 17, 18, 21, 25] as const;

export interface TimelineStep<T> {
	age: number;
	date: string;
	starts: T[];
	ends: T[];
}

/**
 * What changes at each coming birthday up to 25: entitlements (that fit the person's category
 * and circumstances) starting or stopping that day. Birthdays with no change are left out,
 * except 18, 21 and 25, which young people ask about.
 */
export function timeline<T extends { eligibility: Eligibility }>(
	items: T[],
	person: Person,
	on: string
): TimelineStep<T>[] {
	const age = ageOn(person.dateOfBirth, on);
	// Each coming birthday is judged by the category they will have that day (eligible at 17,
	// former relevant at 18), so what is coming at 18 shows before 18.
	const fitsOn = (item: T, day: string) =>
		judge(
			{ ...item.eligibility, fromAge: null, untilAge: null },
			{ ...person, category: categoryAt(person, on, day) },
			on
		).status === 'applies';
	const fits = items.filter(
		(item) =>
			fitsOn(item, on) ||
			(item.eligibility.fromAge !== null &&
				item.eligibility.fromAge > age &&
				fitsOn(item, birthdayAt(person.dateOfBirth, item.eligibility.fromAge)))
	);
	const ages = new Set<number>([...MILESTONE_AGES]);
	for (const item of fits) {
		if (item.eligibility.fromAge !== null) ages.add(item.eligibility.fromAge);
		if (item.eligibility.untilAge !== null) ages.add(item.eligibility.untilAge);
	}
	return [...ages]
		.filter((a) => a > age && a <= MAX_AGE)
		.sort((a, b) => a - b)
		.map((a) => ({
			age: a,
			date: birthdayAt(person.dateOfBirth, a),
			starts: fits.filter(
				(item) => item.eligibility.fromAge === a && fitsOn(item, birthdayAt(person.dateOfBirth, a))
			),
			ends: fits.filter(
				(item) =>
					item.eligibility.untilAge === a &&
					(fitsOn(item, on) ||
						(item.eligibility.fromAge !== null &&
							fitsOn(item, birthdayAt(person.dateOfBirth, item.eligibility.fromAge))))
			)
		}))
		.filter((step) => step.starts.length || step.ends.length || [18, 21, 25].includes(step.age));
}

/** Answers to "Is this promise kept for me?". */
export const PROMISE_RATINGS = ['yes', 'sometimes', 'no', 'not_sure'] as const;
export type PromiseRatingValue = (typeof PROMISE_RATINGS)[number];
