// The budgets `npm run bench -- --check` holds Hearth to (issue 8), and the Markdown table of
// results. Pure functions of the results, so a unit test can show a miss is caught.
import type { LighthouseResult } from './lighthouse.ts';
import type { Throughput } from './throughput.ts';
import type { PageWeight } from './weight.ts';

export const PAGES = {
	signin: { label: 'Sign in', path: '/signin', who: null, youngPeople: true },
	offer: { label: 'Local Offer', path: '/offer', who: null, youngPeople: true },
	pledge: { label: 'Pledge', path: '/pledge', who: null, youngPeople: true },
	me: { label: 'Young person home', path: '/me', who: 'youngPerson', youngPeople: true },
	say: {
		label: 'Statement form',
		path: '/me/say/feeling',
		who: 'youngPerson',
		youngPeople: true
	},
	work: { label: 'Worker inbox', path: '/work', who: 'worker', youngPeople: false },
	board: { label: 'Board overview', path: '/board', who: 'boardMember', youngPeople: false },
	scorecard: {
		label: 'Board scorecard',
		path: '/board/scorecard',
		who: 'boardMember',
		youngPeople: false
	}
} as const;
export type PageKey = keyof typeof PAGES;
/** Public pages that must ship no JavaScript beyond a small script that does real work. */
export const PUBLIC_PAGES: PageKey[] = ['offer', 'pledge'];

export const THROUGHPUT = {
	me: { label: 'Young person home (signed in)', path: '/me', who: 'youngPerson' },
	work: { label: 'Worker inbox', path: '/work', who: 'worker' },
	board: { label: 'Board overview', path: '/board', who: 'boardMember' },
	statement: { label: 'Posting a statement', path: '/me/say/feeling?/send', who: 'youngPerson' }
} as const;
export type ThroughputKey = keyof typeof THROUGHPUT;

export const QUERIES = {
	inbox: { label: "A worker's inbox", path: '/work', who: 'worker' },
	team: { label: "A manager's team view", path: '/work/team', who: 'manager' },
	board: { label: 'Board overview (counts by month)', path: '/board', who: 'boardMember' },
	scorecard: { label: 'Board scorecard', path: '/board/scorecard', who: 'boardMember' },
	offer: { label: 'Public Local Offer', path: '/offer', who: null }
} as const;
export type QueryKey = keyof typeof QUERIES;

export interface ScaleResult {
	youngPeople: number;
	statements: number;
	databaseBytes: number;
	generateSeconds: number;
	/** Server time per page on loopback, milliseconds. */
	queries: Record<QueryKey, { median: number; p95: number }>;
}

export interface Results {
	measuredAt: string;
	mode: 'full' | 'quick';
	machine: { cpus: number; node: string; chromium: string };
	weight: Record<PageKey | 'bare', PageWeight>;
	/** What the service worker downloads to keep for offline use, on the first visit. */
	offline: { files: number; gzip: number; brotli: number };
	lighthouse: Partial<Record<PageKey | 'bare', LighthouseResult>>;
	throughput: Partial<Record<ThroughputKey | 'bare', Throughput>>;
	scale: Partial<Record<'normal' | 'national', ScaleResult>>;
}

export const BUDGET = {
	youngPeopleJsRatio: 1.3,
	/** A small script that registers the service worker (offline copies) and quick exit's Escape. */
	publicJsGzip: 2048,
	performance: 95,
	accessibility: 100,
	lcpMs: 1500,
	throughputRatio: 0.6,
	nationalQueryMs: 50
};

export interface BudgetLine {
	part: 'weight' | 'lighthouse' | 'throughput' | 'scale';
	budget: string;
	limit: string;
	actual: string;
	ok: boolean;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function checkBudgets(results: Results): BudgetLine[] {
	const lines: BudgetLine[] = [];
	const bareJs = results.weight.bare?.js.gzip ?? NaN;
	for (const key of Object.keys(PAGES) as PageKey[]) {
		const page = PAGES[key];
		const js = results.weight[key]?.js.gzip;
		if (js === undefined) continue;
		if (PUBLIC_PAGES.includes(key)) {
			lines.push({
				part: 'weight',
				budget: `${page.label}: JavaScript (gzip)`,
				limit: `≤ ${kib(BUDGET.publicJsGzip)}`,
				actual: kib(js),
				ok: js <= BUDGET.publicJsGzip
			});
		} else if (page.youngPeople) {
			lines.push({
				part: 'weight',
				budget: `${page.label}: JavaScript vs bare SvelteKit (gzip)`,
				limit: `≤ ${BUDGET.youngPeopleJsRatio}×`,
				actual: `${(js / bareJs).toFixed(2)}× (${kib(js)})`,
				ok: js <= BUDGET.youngPeopleJsRatio * bareJs
			});
		}
	}
	for (const key of Object.keys(PAGES) as PageKey[]) {
		const result = results.lighthouse[key];
		if (!result) continue;
		const label = PAGES[key].label;
		lines.push(
			{
				part: 'lighthouse',
				budget: `${label}: Lighthouse performance (mobile)`,
				limit: `≥ ${BUDGET.performance}`,
				actual: String(result.performance),
				ok: result.performance >= BUDGET.performance
			},
			{
				part: 'lighthouse',
				budget: `${label}: Lighthouse accessibility`,
				limit: `= ${BUDGET.accessibility}`,
				actual: String(result.accessibility),
				ok: result.accessibility >= BUDGET.accessibility
			},
			{
				part: 'lighthouse',
				budget: `${label}: largest contentful paint (mobile)`,
				limit: `≤ ${BUDGET.lcpMs} ms`,
				actual: `${Math.round(result.lcp)} ms`,
				ok: result.lcp <= BUDGET.lcpMs
			}
		);
	}
	const bare = results.throughput.bare?.requestsPerSecond;
	if (bare) {
		for (const key of ['me', 'work', 'board'] as const) {
			const run = results.throughput[key];
			if (!run) continue;
			lines.push({
				part: 'throughput',
				budget: `${THROUGHPUT[key].label}: requests a second vs bare`,
				limit: `≥ ${BUDGET.throughputRatio * 100}%`,
				actual: `${Math.round((run.requestsPerSecond / bare) * 100)}% (${run.requestsPerSecond}/s)`,
				ok: run.requestsPerSecond >= BUDGET.throughputRatio * bare && run.unexpected === 0
			});
		}
	}
	for (const [key, run] of Object.entries(results.throughput)) {
		if (run && (run.unexpected || run.errors))
			lines.push({
				part: 'throughput',
				budget: `Throughput run "${key}": every answer as expected`,
				limit: '0 wrong',
				actual: `${run.unexpected} unexpected, ${run.errors} errors`,
				ok: false
			});
	}
	const national = results.scale.national;
	if (national) {
		for (const key of Object.keys(QUERIES) as QueryKey[]) {
			const time = national.queries[key].median;
			lines.push({
				part: 'scale',
				budget: `${QUERIES[key].label} at national size (median)`,
				limit: `< ${BUDGET.nationalQueryMs} ms`,
				actual: `${time.toFixed(1)} ms`,
				ok: time < BUDGET.nationalQueryMs
			});
		}
	}
	return lines;
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/** The Markdown the README quotes: every figure, then the budgets. */
export function markdown(results: Results): string {
	const out: string[] = [];
	const { machine } = results;
	out.push(
		`Measured ${results.measuredAt} (${results.mode} run) on ${machine.cpus} cores, Node ${machine.node}, ${machine.chromium}.`,
		''
	);
	const bareJs = results.weight.bare?.js.gzip ?? NaN;
	if (results.weight.bare)
		out.push(
			'### Page weight on first load',
			'',
			'Bytes the page fetched, as gzip / brotli would send them (KiB). JS ratio is against the bare SvelteKit page (gzip).',
			'',
			row([
				'Page',
				'JS gzip',
				'JS brotli',
				'CSS gzip',
				'HTML gzip',
				'Other gzip',
				'Requests',
				'JS ratio'
			]),
			row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'])
		);
	const f = (bytes: number) => (bytes / 1024).toFixed(1);
	for (const key of (results.weight.bare ? [...Object.keys(PAGES), 'bare'] : []) as (
		PageKey | 'bare'
	)[]) {
		const w = results.weight[key];
		if (!w) continue;
		out.push(
			row([
				key === 'bare'
					? 'Bare SvelteKit page (floor)'
					: `${PAGES[key].label} \`${PAGES[key].path}\``,
				f(w.js.gzip),
				f(w.js.brotli),
				f(w.css.gzip),
				f(w.html.gzip),
				f(w.other.gzip),
				w.requests,
				`${(w.js.gzip / bareJs).toFixed(2)}×`
			])
		);
	}
	if (results.weight.bare)
		out.push(
			'',
			`The service worker keeps ${results.offline.files} files for offline use, ${f(results.offline.gzip)} KiB gzip (${f(results.offline.brotli)} KiB brotli), fetched once after the first visit.`,
			''
		);
	if (Object.keys(results.lighthouse).length) {
		out.push(
			'### Lighthouse (mobile defaults: simulated slow 4G and a mid-range phone)',
			'',
			row([
				'Page',
				'Performance',
				'Accessibility',
				'Best practices',
				'LCP ms',
				'FCP ms',
				'TBT ms',
				'CLS'
			]),
			row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'])
		);
		for (const [key, r] of Object.entries(results.lighthouse)) {
			if (!r) continue;
			out.push(
				row([
					key === 'bare' ? 'Bare SvelteKit page' : PAGES[key as PageKey].label,
					r.performance,
					r.accessibility,
					r.bestPractices,
					Math.round(r.lcp),
					Math.round(r.fcp),
					Math.round(r.tbt),
					r.cls.toFixed(3)
				])
			);
		}
		out.push('');
	}
	const bare = results.throughput.bare;
	if (bare) {
		out.push(
			'### Server throughput (autocannon, 10 connections, loopback)',
			'',
			row(['Request', 'Requests/s', 'p50 ms', 'p99 ms', 'vs bare']),
			row(['---', '---:', '---:', '---:', '---:'])
		);
		for (const [key, r] of Object.entries(results.throughput)) {
			if (!r) continue;
			out.push(
				row([
					key === 'bare' ? 'Bare SvelteKit page' : THROUGHPUT[key as ThroughputKey].label,
					r.requestsPerSecond,
					r.p50,
					r.p99,
					`${Math.round((r.requestsPerSecond / bare.requestsPerSecond) * 100)}%`
				])
			);
		}
		out.push('');
	}
	const sizes = (['normal', 'national'] as const).filter((s) => results.scale[s]);
	if (sizes.length) {
		out.push(
			'### Scale: server time of the heaviest pages (median / p95 of 20, ms)',
			'',
			row([
				'Page',
				...sizes.map(
					(s) => `${s} (${results.scale[s]!.youngPeople.toLocaleString('en-GB')} young people)`
				)
			]),
			row(['---', ...sizes.map(() => '---:')])
		);
		for (const key of Object.keys(QUERIES) as QueryKey[]) {
			out.push(
				row([
					`${QUERIES[key].label} \`${QUERIES[key].path}\``,
					...sizes.map((s) => {
						const q = results.scale[s]!.queries[key];
						return `${q.median.toFixed(1)} / ${q.p95.toFixed(1)}`;
					})
				])
			);
		}
		out.push(
			row([
				'Statements',
				...sizes.map((s) => results.scale[s]!.statements.toLocaleString('en-GB'))
			]),
			row([
				'Database on disk',
				...sizes.map((s) => `${(results.scale[s]!.databaseBytes / 1024 ** 2).toFixed(0)} MiB`)
			]),
			row([
				'Time to generate',
				...sizes.map((s) => `${results.scale[s]!.generateSeconds.toFixed(0)} s`)
			]),
			''
		);
	}
	const budgets = checkBudgets(results);
	out.push(
		'### Budgets',
		'',
		row(['Budget', 'Limit', 'Measured', '']),
		row(['---', '---', '---', '---']),
		...budgets.map((b) => row([b.budget, b.limit, b.actual, b.ok ? 'ok' : '**missed**'])),
		''
	);
	return out.join('\n');
}
