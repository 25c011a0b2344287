import type { Locator } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

// Small numbers, properly hidden (issue 20, item 9): the Board's figures are read off the page as
// a councillor sees them, and every sum a reader knows is tried, to find a hidden count. A Hearth
// of its own, whose running totals are set to the three leaks seen before the fix.
const hearth = new OwnHearth(port(80), 'board-suppression');
test.describe.configure({ mode: 'serial' });

/** The UK calendar month `back` months before this one, as YYYY-MM (the Board's months). */
function ukMonth(back: number): string {
	const [year, month] = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/London',
		year: 'numeric',
		month: '2-digit'
	})
		.format(new Date())
		.split('-')
		.map(Number);
	const index = year * 12 + (month - 1) - back;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

test.beforeAll(async () => {
	await hearth.start();
	// The running totals the Board reads (drizzle/0008_summaries.sql), set to the leaks seen:
	// "How I'm feeling" [1, 1, 10] with a total of 12; "My plans" [2], whose total the grand total
	// (given away by the shares) would rebuild once the smallest other total, "Something's
	// worrying me" (7), is rebuilt from its one shown cell; and 20 reviews held, 18 of them of
	// children aged 4 and over, so 2 under 4.
	hearth.execute('DELETE FROM statement_month_counts');
	hearth.execute('DELETE FROM review_month_counts');
	const statements: [string, string, number][] = [
		['feeling', ukMonth(2), 1],
		['feeling', ukMonth(1), 1],
		['feeling', ukMonth(0), 10],
		['good_news', ukMonth(1), 7],
		['good_news', ukMonth(0), 9],
		['plans', ukMonth(0), 2],
		['worry', ukMonth(0), 7]
	];
	for (const [template, month, count] of statements)
		hearth.execute(
			'INSERT INTO statement_month_counts (month, template, count) VALUES (?, ?, ?)',
			month,
			template,
			count
		);
	hearth.execute(
		`INSERT INTO review_month_counts (month, held, on_time, aged_4_plus, views_given,
			attended_and_spoke, through_advocate, through_app) VALUES (?, 20, 20, 18, 18, 18, 0, 18)`,
		ukMonth(0)
	);
});
test.afterAll(() => hearth.stop());

type Seen =
	| { kind: 'count'; value: number; share?: number }
	| { kind: 'fewer'; below: number }
	| { kind: 'withheld' };

/** A figure as the page prints it: "12", "fewer than 6", "withheld", "18 (100%)" or "48%". */
function seen(text: string): Seen {
	const t = text.trim();
	const fewer = /^fewer than (\d+)/.exec(t);
	if (fewer) return { kind: 'fewer', below: Number(fewer[1]) };
	if (t.startsWith('withheld')) return { kind: 'withheld' };
	const count = /^(\d+)(?:\s*\((\d+)%\))?$/.exec(t);
	if (count)
		return {
			kind: 'count',
			value: Number(count[1]),
			share: count[2] ? Number(count[2]) : undefined
		};
	const share = /^(\d+)%$/.exec(t);
	if (share) return { kind: 'count', value: NaN, share: Number(share[1]) };
	throw new Error(`Not a Board figure: "${t}"`);
}

/** Each body row of a table: its heading, then its cells' text. */
async function rowsOf(table: Locator): Promise<string[][]> {
	return table
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''))
		);
}

/** Every whole total that a shown count and its rounded share could come from. */
function totalsFor(count: number, percent: number): Set<number> {
	const found = new Set<number>();
	if (percent === 0) return found;
	for (let total = Math.max(count, 1); total <= count * 100 + 100; total++)
		if (Math.round((count / total) * 100) === percent) found.add(total);
	return found;
}

/** The one total several (count, share) pairs agree on, or null when they leave it open. */
function totalFromShares(pairs: [number, number][]): number | null {
	let candidates = null as Set<number> | null;
	for (const [count, percent] of pairs) {
		if (percent === 0) continue;
		const next = totalsFor(count, percent);
		candidates = candidates ? new Set([...candidates].filter((t: number) => next.has(t))) : next;
	}
	return candidates?.size === 1 ? [...candidates][0] : null;
}

/**
 * What a reader can work out from one sum, total = the sum of parts: a single hidden member is
 * the difference; hidden members all "fewer than t" are pinned when their sum is k or k·(t-1).
 * Returns the hidden counts from 1 to t-1 worked out this way.
 */
function workedOut(total: Seen | number | null, parts: Seen[], threshold: number): number[] {
	const members: (Seen | null)[] = [
		total === null ? null : typeof total === 'number' ? { kind: 'count', value: total } : total,
		...parts
	];
	if (members[0] === null) return [];
	const hidden = members.filter((m) => m!.kind !== 'count') as Seen[];
	const value = (m: Seen | null) => (m && m.kind === 'count' ? m.value : 0);
	const residual = value(members[0]) - parts.reduce((s, p) => s + value(p), 0);
	if (hidden.length === 1) {
		const derived = hidden[0] === members[0] ? -residual : residual;
		return derived > 0 && derived < threshold ? [derived] : [];
	}
	if (hidden.length && hidden.every((m) => m.kind === 'fewer') && members[0]!.kind === 'count') {
		if (residual === hidden.length) return hidden.map(() => 1);
		if (residual === hidden.length * (threshold - 1)) return hidden.map(() => threshold - 1);
	}
	return [];
}

test('no hidden count on the Board can be worked out from what it shows', async ({ as }) => {
	const councillor = await hearth.on(as)('cllr.shah');
	await councillor.goto('/board');
	const threshold = 6;

	// By type of message: each row's cells add up to its total, and the totals to the grand
	// total, which the shares give away.
	const byType = await rowsOf(councillor.getByRole('table', { name: 'By type of message' }));
	const parsed = byType.map(([name, ...figures]) => {
		const cells = figures.slice(0, -2).map(seen);
		return { name, cells, total: seen(figures.at(-2)!), share: seen(figures.at(-1)!) };
	});
	const grand = totalFromShares(
		parsed.flatMap((row) =>
			row.total.kind === 'count' && row.share.kind === 'count'
				? [[row.total.value, row.share.share!] as [number, number]]
				: []
		)
	);
	const leaks: string[] = [];
	for (const row of parsed)
		for (const n of workedOut(row.total, row.cells, threshold))
			leaks.push(`${row.name}: ${n} from its total`);
	// A hidden row total whose cells are all shown is rebuilt before the grand total is tried.
	const rowTotals = parsed.map((row): Seen =>
		row.total.kind !== 'count' && row.cells.every((c) => c.kind === 'count')
			? {
					kind: 'count',
					value: row.cells.reduce((s, c) => s + (c.kind === 'count' ? c.value : 0), 0)
				}
			: row.total
	);
	for (const n of workedOut(grand, rowTotals, threshold))
		leaks.push(`a row total of ${n} from the grand total ${grand}`);

	// Reviews: held = on time + late; held = aged 4 and over + under 4; aged 4 and over = views
	// given + not given = through Hearth + not. Aged 4 and over is printed by its shares.
	const reviews = await rowsOf(councillor.getByTestId('review-measures'));
	for (const [quarter, ...figures] of reviews) {
		const [held, onTime, views, spoke, advocate, app] = figures.map(seen);
		const pairs = [views, spoke, advocate, app].flatMap((f) =>
			f.kind === 'count' && f.share !== undefined ? [[f.value, f.share] as [number, number]] : []
		);
		const aged4Plus = totalFromShares(pairs);
		const heldValue =
			held.kind === 'count'
				? held.value
				: onTime.kind === 'count' && onTime.share !== undefined
					? totalFromShares([[onTime.value, onTime.share]])
					: null;
		const sums: [string, number | null, Seen[]][] = [
			['held late', heldValue, [onTime, { kind: 'withheld' }]],
			[
				'under 4',
				heldValue,
				[
					aged4Plus === null ? { kind: 'withheld' } : { kind: 'count', value: aged4Plus },
					{ kind: 'withheld' }
				]
			],
			['views not given', aged4Plus, [views, { kind: 'withheld' }]],
			['not through Hearth', aged4Plus, [app, { kind: 'withheld' }]]
		];
		for (const [what, total, parts] of sums) {
			// The second part is never printed: it is hidden unless the first is shown and the total known.
			if (total === null || parts[0].kind !== 'count') continue;
			const rest = total - parts[0].value;
			if (rest > 0 && rest < threshold) leaks.push(`${quarter}: ${rest} ${what}`);
		}
	}
	expect(leaks).toEqual([]);

	const feeling = parsed.find((row) => row.name.includes('feeling'))!;
	// The two 1s are shown as "fewer than 6", and the 10 beside them is withheld.
	expect(feeling.cells.filter((c) => c.kind === 'fewer')).toHaveLength(2);
	expect(feeling.cells.at(-1)).toEqual({ kind: 'withheld' });

	// The seeded quarter still says what is safe to say: 20 reviews held, all on time.
	const last = reviews.at(-1)!.map((text) => text.trim());
	expect(last[1]).toBe('20');
	expect(last[2]).toMatch(/^20\s*\(100%\)$/);
	await expectAccessible(councillor);

	// The scorecard prints the same review figures with their shares: the same sums hold there.
	await councillor.goto('/board/scorecard');
	const scorecard = councillor.getByTestId('scorecard-hearth');
	const onTimeRow = scorecard.getByRole('row', { name: /Reviews on time/ });
	const viewsRow = scorecard.getByRole('row', { name: /views given at reviews/ });
	await expect(onTimeRow.getByRole('cell').last()).toHaveText(/^20\s*\(100%\)$/);
	// 18 of 18 with views would give away the 18 aged 4 and over, and with the 20 held, the 2 under 4.
	await expect(viewsRow.getByRole('cell').last()).not.toContainText('%');
});
