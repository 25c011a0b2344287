import { describe, expect, it } from 'vitest';
import {
	birthdayAt,
	eligibilityProblem,
	judge,
	sortOffer,
	timeline,
	type Eligibility,
	type Person
} from '$lib/domain/offer';

const rule = (overrides: Partial<Eligibility> = {}): Eligibility => ({
	categories: [],
	fromAge: null,
	untilAge: null,
	conditions: [],
	...overrides
});

const person = (dateOfBirth: string, overrides: Partial<Person> = {}): Person => ({
	dateOfBirth,
	category: 'former_relevant',
	conditions: [],
	...overrides
});

describe('birthdayAt', () => {
	it('gives the date someone turns an age, with 29 February on 1 March in other years', () => {
		expect(birthdayAt('2008-06-15', 18)).toBe('2026-06-15');
		expect(birthdayAt('2008-02-29', 18)).toBe('2026-03-01');
		expect(birthdayAt('2008-02-29', 20)).toBe('2028-02-29');
	});
});

describe('judge: ages at the boundaries', () => {
	// Born 15 June 2008: 16 on 2024-06-15, 17 on 2025-06-15, 18 on 2026-06-15, 21 on 2029-06-15, 25 on 2033-06-15.
	const dob = '2008-06-15';
	const cases: [string, Partial<Eligibility>, string, string][] = [
		['16 and over, the day before 16', { fromAge: 16 }, '2024-06-14', 'later'],
		['16 and over, on the 16th birthday', { fromAge: 16 }, '2024-06-15', 'applies'],
		['under 18, the day before 18', { untilAge: 18 }, '2026-06-14', 'applies'],
		['under 18, on the 18th birthday', { untilAge: 18 }, '2026-06-15', 'ended'],
		['16 to 17, at 17', { fromAge: 16, untilAge: 18 }, '2025-06-15', 'applies'],
		['18 and over, the day before 18', { fromAge: 18 }, '2026-06-14', 'later'],
		['18 and over, on the 18th birthday', { fromAge: 18 }, '2026-06-15', 'applies'],
		['18 to 21, the day before 21', { fromAge: 18, untilAge: 21 }, '2029-06-14', 'applies'],
		['18 to 21, on the 21st birthday', { fromAge: 18, untilAge: 21 }, '2029-06-15', 'ended'],
		['until 25, the day before 25', { untilAge: 25 }, '2033-06-14', 'applies'],
		['until 25, on the 25th birthday', { untilAge: 25 }, '2033-06-15', 'ended'],
		['21 to 25, at 20', { fromAge: 21, untilAge: 25 }, '2029-01-01', 'later'],
		['any age', {}, '2030-01-01', 'applies']
	];
	for (const [name, eligibility, on, status] of cases) {
		it(name, () => expect(judge(rule(eligibility), person(dob), on).status).toBe(status));
	}

	it('says when something starts and ends', () => {
		expect(judge(rule({ fromAge: 18 }), person(dob), '2026-01-01')).toEqual({
			status: 'later',
			startsOn: '2026-06-15'
		});
		expect(judge(rule({ untilAge: 21 }), person(dob), '2030-01-01')).toEqual({
			status: 'ended',
			endedOn: '2029-06-15'
		});
		expect(judge(rule({ untilAge: 25 }), person(dob), '2030-01-01')).toEqual({
			status: 'applies',
			endsOn: '2033-06-15'
		});
		expect(judge(rule(), person(dob), '2030-01-01')).toEqual({ status: 'applies', endsOn: null });
	});

	it('counts a 29 February birthday on 1 March in other years', () => {
		const leapling = person('2008-02-29');
		expect(judge(rule({ fromAge: 18 }), leapling, '2026-02-28').status).toBe('later');
		expect(judge(rule({ fromAge: 18 }), leapling, '2026-03-01').status).toBe('applies');
		expect(judge(rule({ untilAge: 21 }), leapling, '2029-02-28').status).toBe('applies');
		expect(judge(rule({ untilAge: 21 }), leapling, '2029-03-01').status).toBe('ended');
	});
});

describe('judge: categories and circumstances', () => {
	const categories = ['eligible', 'relevant', 'former_relevant', 'qualifying'] as const;
	for (const category of [...categories, 'none'] as const) {
		for (const allowed of categories) {
			it(`a ${category} young person and an entitlement for ${allowed} only`, () => {
				const verdict = judge(
					rule({ categories: [allowed] }),
					person('2005-01-01', { category }),
					'2026-01-01'
				);
				expect(verdict.status).toBe(category === allowed ? 'applies' : 'not_for_you');
			});
		}
	}

	it('an entitlement with no categories is for everyone, in care or not', () => {
		expect(judge(rule(), person('2015-01-01', { category: 'none' }), '2026-01-01').status).toBe(
			'applies'
		);
	});

	it('needs every condition, and names the missing ones', () => {
		const bursary = rule({ conditions: ['higher_education'] });
		expect(
			judge(bursary, person('2006-01-01', { conditions: ['higher_education'] }), '2026-01-01')
				.status
		).toBe('applies');
		expect(judge(bursary, person('2006-01-01'), '2026-01-01')).toEqual({
			status: 'not_for_you',
			reason: 'condition',
			missing: ['higher_education']
		});
		const parents = rule({ conditions: ['young_parent', 'lives_in_area'] });
		expect(
			judge(parents, person('2006-01-01', { conditions: ['young_parent'] }), '2026-01-01')
		).toMatchObject({
			missing: ['lives_in_area']
		});
	});

	it('checks category before age: a wrong category is never "later"', () => {
		const verdict = judge(
			rule({ categories: ['relevant'], fromAge: 18 }),
			person('2012-01-01', { category: 'none' }),
			'2026-01-01'
		);
		expect(verdict.status).toBe('not_for_you');
	});
});

describe('eligibilityProblem', () => {
	it('refuses a minimum age at or above the maximum, and ages past 25', () => {
		expect(eligibilityProblem(rule({ fromAge: 21, untilAge: 18 }))).toBe('ages');
		expect(eligibilityProblem(rule({ fromAge: 18, untilAge: 18 }))).toBe('ages');
		expect(eligibilityProblem(rule({ fromAge: 30 }))).toBe('too_old');
		expect(eligibilityProblem(rule({ fromAge: 18, untilAge: 25 }))).toBeNull();
	});
});

describe('sortOffer and timeline', () => {
	const offer = [
		{ id: 'pocket', eligibility: rule({ untilAge: 18 }) },
		{ id: 'home', eligibility: rule({ fromAge: 18, untilAge: 25 }) },
		{ id: 'bursary', eligibility: rule({ conditions: ['higher_education'], untilAge: 25 }) },
		{
			id: 'staying-put',
			eligibility: rule({ categories: ['former_relevant'], fromAge: 18, untilAge: 21 })
		},
		{ id: 'pa', eligibility: rule({ fromAge: 16, untilAge: 25 }) }
	];

	it('sorts a 19-year-old former relevant student’s offer', () => {
		const reece = person('2007-03-10', { conditions: ['higher_education'] });
		const sorted = sortOffer(offer, reece, '2026-11-22');
		expect(sorted.applies.map((i) => i.id)).toEqual(['home', 'bursary', 'staying-put', 'pa']);
		expect(sorted.ended.map((i) => i.id)).toEqual(['pocket']);
		expect(sorted.later).toEqual([]);
	});

	it('shows a 17-year-old what starts at 18 and what ends, birthday by birthday', () => {
		const chloe = person('2009-07-01', { category: 'former_relevant' });
		const steps = timeline(offer, chloe, '2026-11-22');
		expect(steps.map((s) => [s.age, s.date])).toEqual([
			[18, '2027-07-01'],
			[21, '2030-07-01'],
			[25, '2034-07-01']
		]);
		expect(steps[0].starts.map((i) => i.id)).toEqual(['home', 'staying-put']);
		expect(steps[0].ends.map((i) => i.id)).toEqual(['pocket']);
		expect(steps[1].ends.map((i) => i.id)).toEqual(['staying-put']);
		expect(steps[2].ends.map((i) => i.id)).toEqual(['home', 'pa']);
		// The bursary needs higher education, which Chloe is not in: not on her timeline.
		expect(steps.flatMap((s) => [...s.starts, ...s.ends]).some((i) => i.id === 'bursary')).toBe(
			false
		);
	});

	it('has nothing left after 25', () => {
		expect(timeline(offer, person('2000-01-01'), '2026-11-22')).toEqual([]);
	});
});

describe('what is coming at 18 follows the category the record will give then (Children Act 1989 s23C)', () => {
	// Born 15 June 2008, 17 on 2025-06-15; in foster care since 14, so eligible now and former relevant at 18.
	const seventeen = person('2008-06-15', {
		category: 'eligible',
		categoryOn: (on) => (on >= '2026-06-15' ? 'former_relevant' : 'eligible')
	});
	const stayingPut = {
		slug: 'staying-put',
		eligibility: rule({ categories: ['former_relevant'], fromAge: 18, untilAge: 21 })
	};
	it('s23CZA Staying Put: a 17-year-old in foster care is told it starts at 18, not that it is not for them', () => {
		expect(judge(stayingPut.eligibility, seventeen, '2025-12-01')).toEqual({
			status: 'later',
			startsOn: '2026-06-15'
		});
		const at18 = timeline([stayingPut], seventeen, '2025-12-01').find((step) => step.age === 18);
		expect(at18?.starts.map((item) => item.slug)).toEqual(['staying-put']);
	});
	it('s23C: without a record that says so (a child who will not be former relevant) it stays not for them', () => {
		const never = person('2008-06-15', { category: 'none', categoryOn: () => 'none' });
		expect(judge(stayingPut.eligibility, never, '2025-12-01').status).toBe('not_for_you');
		expect(timeline([stayingPut], never, '2025-12-01').flatMap((step) => step.starts)).toEqual([]);
	});
});
