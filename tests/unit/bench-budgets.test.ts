import { describe, expect, it } from 'vitest';
import {
	BUDGET,
	PAGES,
	QUERIES,
	checkBudgets,
	markdown,
	type PageKey,
	type QueryKey,
	type Results,
	type ScaleResult
} from '../../bench/lib/budgets';

const bytes = (gzip: number) => ({ raw: gzip * 3, gzip, brotli: Math.round(gzip * 0.9) });
const weight = (js: number) => ({
	js: bytes(js),
	css: bytes(4000),
	html: bytes(2000),
	other: bytes(200),
	requests: 4,
	scripts: []
});
const lighthouse = {
	performance: 100,
	accessibility: 100,
	bestPractices: 100,
	lcp: 1000,
	fcp: 800,
	tbt: 0,
	cls: 0,
	failing: []
};
const run = (rps: number) => ({
	requestsPerSecond: rps,
	p50: 2,
	p99: 10,
	unexpected: 0,
	errors: 0,
	total: rps * 3
});

/** Results that meet every budget, to be spoiled one way at a time. */
function passing(): Results {
	const pages = Object.keys(PAGES) as PageKey[];
	const queries = Object.fromEntries(
		(Object.keys(QUERIES) as QueryKey[]).map((key) => [key, { median: 10, p95: 20 }])
	) as ScaleResult['queries'];
	return {
		measuredAt: '2026-11-23 01:00 UTC',
		mode: 'full',
		machine: { cpus: 2, node: 'v24', chromium: 'Chromium' },
		weight: {
			...Object.fromEntries(pages.map((key) => [key, weight(key === 'work' ? 90_000 : 1_600)])),
			bare: weight(27_000)
		} as unknown as Results['weight'],
		offline: { files: 10, gzip: 30_000, brotli: 27_000 },
		lighthouse: Object.fromEntries(pages.map((key) => [key, { ...lighthouse }])),
		throughput: {
			bare: run(3000),
			me: run(2000),
			work: run(1900),
			board: run(1800),
			statement: run(500)
		},
		scale: {
			national: {
				youngPeople: 100_000,
				statements: 5_000_000,
				databaseBytes: 4e9,
				generateSeconds: 200,
				queries
			}
		}
	};
}

const missed = (results: Results) =>
	checkBudgets(results)
		.filter((line) => !line.ok)
		.map((line) => line.budget);

describe('the benchmark budgets', () => {
	it('pass results that meet every budget, and name each one in the table', () => {
		const results = passing();
		expect(missed(results)).toEqual([]);
		const table = markdown(results);
		expect(table).toContain('| Statement form `/me/say/feeling` |');
		expect(table).toContain('Bare SvelteKit page (floor)');
		expect(table).not.toContain('**missed**');
	});

	it('catch a young person’s page heavier than 1.3 times the bare page', () => {
		const results = passing();
		results.weight.say.js.gzip = Math.ceil(27_000 * BUDGET.youngPeopleJsRatio) + 1;
		expect(missed(results)).toEqual(['Statement form: JavaScript vs bare SvelteKit (gzip)']);
		// Staff pages have no JavaScript budget of their own, only Lighthouse's.
		results.weight.say.js.gzip = 1600;
		results.weight.work.js.gzip = 200_000;
		expect(missed(results)).toEqual([]);
	});

	it('catch a public page that ships more than a small script', () => {
		const results = passing();
		results.weight.pledge.js.gzip = BUDGET.publicJsGzip + 1;
		expect(missed(results)).toEqual(['Pledge: JavaScript (gzip)']);
	});

	it('catch Lighthouse scores and paint times out of budget', () => {
		const results = passing();
		results.lighthouse.board = { ...lighthouse, performance: 94, accessibility: 99, lcp: 1501 };
		expect(missed(results)).toEqual([
			'Board overview: Lighthouse performance (mobile)',
			'Board overview: Lighthouse accessibility',
			'Board overview: largest contentful paint (mobile)'
		]);
	});

	it('catch slow signed-in pages and wrong answers under load', () => {
		const results = passing();
		results.throughput.me = run(1799);
		results.throughput.statement = { ...run(400), unexpected: 3 };
		expect(missed(results)).toEqual([
			'Young person home (signed in): requests a second vs bare',
			'Throughput run "statement": every answer as expected'
		]);
	});

	it('catch a heavy query at national size, and only there', () => {
		const results = passing();
		results.scale.national!.queries.scorecard = { median: 50, p95: 80 };
		results.scale.normal = { ...results.scale.national!, youngPeople: 1000 };
		results.scale.normal.queries = {
			...results.scale.normal.queries,
			inbox: { median: 70, p95: 90 }
		};
		expect(missed(results)).toEqual(['Board scorecard at national size (median)']);
		expect(checkBudgets(results).find((line) => !line.ok)?.part).toBe('scale');
	});
});
