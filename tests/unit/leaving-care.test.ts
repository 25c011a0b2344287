import { describe, expect, it } from 'vitest';
import {
	careStatusOn,
	comingAt18,
	categoryOn,
	derivedCategory,
	lookedAfterOn,
	periodsProblem,
	type CarePeriod,
	type CareRecord
} from '$lib/domain/leaving-care';
import type { LeavingCareCategory } from '$lib/domain/people';

// Born 2008-06-10: 14 on 2022-06-10, 16 on 2024-06-10, 18 on 2026-06-10.
const DOB = '2008-06-10';
const care = (startedOn: string, endedOn: string | null = null, legalStatus = 'C2'): CarePeriod =>
	({ startedOn, endedOn, legalStatus }) as CarePeriod;

describe('derivedCategory: the leaving-care category the law gives', () => {
	const table: [string, CarePeriod[], string, LeavingCareCategory][] = [
		[
			'under 16 in care: none (Sch 2 para 19B applies from 16)',
			[care('2020-01-01')],
			'2024-06-09',
			'none'
		],
		[
			'Sch 2 para 19B(2): 16, in care, 13 weeks since 14: eligible',
			[care('2024-01-01')],
			'2024-06-10',
			'eligible'
		],
		[
			'reg 40(1): 13 weeks counted in total over several periods from 14: eligible',
			[care('2022-07-01', '2022-08-20'), care('2024-05-01')],
			'2024-06-10',
			'eligible'
		],
		[
			'reg 40(1): care before the 14th birthday does not count: not yet eligible',
			[care('2020-01-01', '2022-06-01'), care('2024-05-01')],
			'2024-06-10',
			'none'
		],
		[
			'reg 40(1): one day short of 13 weeks is not enough, the 91st day is',
			[care('2024-04-01')],
			'2024-06-29',
			'none'
		],
		[
			'reg 40(1): the 91st day in care makes them eligible',
			[care('2024-04-01')],
			'2024-06-30',
			'eligible'
		],
		[
			'reg 40(2): short breaks (V3) never count towards the 13 weeks',
			[care('2022-07-01', null, 'V3')],
			'2025-01-01',
			'none'
		],
		[
			's23A: 16 or 17, was eligible, has left care: relevant',
			[care('2024-01-01', '2024-09-01')],
			'2025-01-01',
			'relevant'
		],
		[
			'Sch 2 para 19B: 13 weeks all before 16 then left: not eligible, so not relevant (none)',
			[care('2023-01-01', '2024-06-01')],
			'2025-01-01',
			'none'
		],
		[
			's24(1A): in care for a while after 16 but less than 13 weeks, then left: qualifying',
			[care('2024-07-01', '2024-08-01')],
			'2025-01-01',
			'qualifying'
		],
		[
			's23C: in care and eligible at 18: former relevant from the 18th birthday itself',
			[care('2024-01-01')],
			'2026-06-10',
			'former_relevant'
		],
		[
			's23C: eligible on the day before the 18th birthday, still eligible that day',
			[care('2024-01-01')],
			'2026-06-09',
			'eligible'
		],
		[
			's23C: relevant before 18: former relevant after',
			[care('2024-01-01', '2024-09-01')],
			'2027-01-01',
			'former_relevant'
		],
		[
			's24: in care after 16 without 13 weeks, now 19: qualifying',
			[care('2025-10-01', '2025-11-01')],
			'2027-07-01',
			'qualifying'
		],
		['s24: never in care from 16: none', [care('2015-01-01', '2020-01-01')], '2027-07-01', 'none'],
		[
			'Sch 2 para 19B: came into care at 17 and 9 months, 18 before 13 weeks: qualifying at 18 (s24)',
			[care('2026-03-15')],
			'2026-06-10',
			'qualifying'
		]
	];
	it.each(table)('%s', (_name, periods, on, expected) => {
		expect(derivedCategory(DOB, periods, on)).toBe(expected);
	});
});

describe('categoryOn and careStatusOn: override, periods, and records from before', () => {
	const record = (over: Partial<CareRecord>): CareRecord => ({
		dateOfBirth: DOB,
		periods: [],
		recordedStatus: 'in_care',
		recordedCategory: 'none',
		override: null,
		...over
	});
	it("an officer's override wins over the category the periods give", () => {
		const periods = [care('2024-01-01')];
		expect(categoryOn(record({ periods }), '2025-01-01')).toBe('eligible');
		expect(categoryOn(record({ periods, override: 'qualifying' }), '2025-01-01')).toBe(
			'qualifying'
		);
	});
	it('s23C: a record with no periods typed as eligible becomes former relevant on the 18th birthday', () => {
		const old = record({ recordedCategory: 'eligible' });
		expect(categoryOn(old, '2026-06-09')).toBe('eligible');
		expect(categoryOn(old, '2026-06-10')).toBe('former_relevant');
		expect(categoryOn(record({ recordedCategory: 'qualifying' }), '2027-01-01')).toBe('qualifying');
	});
	it('the category changes on the 18th birthday by itself, from the same periods', () => {
		const periods = [care('2023-01-01')];
		expect(categoryOn(record({ periods }), '2026-06-09')).toBe('eligible');
		expect(categoryOn(record({ periods }), '2026-06-10')).toBe('former_relevant');
	});
	it('is in care while a period covers the day and they are under 18; left care after', () => {
		const periods = [care('2023-01-01', '2024-01-01'), care('2025-01-01')];
		expect(careStatusOn(record({ periods }), '2023-06-01')).toBe('in_care');
		expect(careStatusOn(record({ periods }), '2024-01-01')).toBe('care_leaver');
		expect(careStatusOn(record({ periods }), '2025-01-01')).toBe('in_care');
		expect(careStatusOn(record({ periods }), '2026-06-10')).toBe('care_leaver');
		expect(careStatusOn(record({ recordedStatus: 'in_care' }), '2026-06-10')).toBe('care_leaver');
		expect(careStatusOn(record({ recordedStatus: 'in_care' }), '2026-06-09')).toBe('in_care');
	});
	it("s23C: an officer's override of eligible or relevant becomes former relevant on the 18th birthday too", () => {
		const periods = [care('2024-01-01')];
		const overridden = record({ periods, override: 'relevant' });
		expect(categoryOn(overridden, '2026-06-09')).toBe('relevant');
		expect(categoryOn(overridden, '2026-06-10')).toBe('former_relevant');
		expect(categoryOn(record({ periods, override: 'qualifying' }), '2026-06-10')).toBe(
			'qualifying'
		);
	});
	it('a category typed before periods were kept is not lost when only a later period is entered (s23A, s23C)', () => {
		// Typed as former relevant; only her last 10 weeks, at 17, are entered: not "qualifying".
		const lastWeeks = [care('2025-09-01', '2025-11-10')];
		const typed = record({ periods: lastWeeks, recordedCategory: 'eligible' });
		expect(categoryOn(typed, '2025-10-01')).toBe('eligible');
		expect(categoryOn(typed, '2026-01-01')).toBe('relevant');
		expect(categoryOn(typed, '2026-06-10')).toBe('former_relevant');
		// Nothing typed: the periods alone decide.
		expect(categoryOn(record({ periods: lastWeeks }), '2026-01-01')).toBe('qualifying');
	});
	it('reg 48: between the short breaks of a series a child is still in care, not a care leaver', () => {
		const breaks = [care('2024-01-05', '2024-01-08', 'V3'), care('2024-02-02', '2024-02-05', 'V3')];
		expect(careStatusOn(record({ periods: breaks }), '2024-01-20')).toBe('in_care');
		expect(careStatusOn(record({ periods: breaks }), '2024-03-01')).toBe('in_care');
	});
	it('a child on short breaks (V3) is looked after while the agreement lasts', () => {
		expect(lookedAfterOn(DOB, [care('2019-01-01', null, 'V3')], '2020-01-01')).toBe(true);
	});
});

describe('periodsProblem: periods of care that make sense (903 episodes)', () => {
	it.each([
		[
			'fine: one ended, one open after it',
			[care('2020-01-01', '2021-01-01'), care('2021-01-01')],
			null
		],
		['an end on or before the start', [care('2020-01-01', '2020-01-01')], 'ends_before_start'],
		['two open at once', [care('2020-01-01'), care('2021-01-01')], 'two_open'],
		[
			'overlapping',
			[care('2020-01-01', '2021-06-01'), care('2021-01-01', '2022-01-01')],
			'overlaps'
		],
		[
			'an open period started before an ended one',
			[care('2020-01-01'), care('2021-01-01', '2021-05-01')],
			'overlaps'
		]
	] as [string, CarePeriod[], string | null][])('%s', (_name, periods, expected) => {
		expect(periodsProblem(periods)).toBe(expected);
	});
});

describe('comingAt18: what a 16- or 17-year-old can plan for', () => {
	const record = (periods: CarePeriod[]): CareRecord => ({
		dateOfBirth: DOB,
		periods,
		recordedStatus: 'in_care',
		recordedCategory: 'none',
		override: null
	});
	const inFoster = record([care('2023-01-01')]);
	it('s23CZA Staying Put and s23C(5A) the bursary, for a 17-year-old in foster care', () => {
		expect(comingAt18(DOB, inFoster, 'U4', '2025-12-01')).toEqual(['staying_put', 'bursary']);
	});
	it("Staying Close (not yet in force) for a 17-year-old in a children's home", () => {
		expect(comingAt18(DOB, inFoster, 'K2', '2025-12-01')).toEqual(['staying_close', 'bursary']);
	});
	it('s23C: nothing for a child who will not be former relevant at 18, or who is under 16 or 18 already', () => {
		expect(comingAt18(DOB, record([care('2026-04-01')]), 'U4', '2026-05-01')).toEqual([]);
		expect(comingAt18(DOB, inFoster, 'U4', '2024-06-09')).toEqual([]);
		expect(comingAt18(DOB, inFoster, 'U4', '2026-06-10')).toEqual([]);
	});
});
