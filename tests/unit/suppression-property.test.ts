import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	suppressBreakdown,
	suppressFigures,
	suppressTable,
	type Relation,
	type ShownCount
} from '$lib/domain/suppression';
import { suppressReviewQuarter } from '$lib/server/reviews/measures';

/*
 * The attacker here is written apart from the one inside suppressFigures, so that a mistake in
 * one is not repeated in the other. A reader sees the shown counts, knows every sum that ties
 * the figures, and reads each label: "fewer than t" is 1 to t-1, "withheld" is any count.
 * A hidden count from 1 to t-1 that they can pin down is a failure, found three ways:
 * a single sum with one hidden member; exact linear algebra over all the sums (rational
 * arithmetic, no rounding); and a linear programme per hidden count, with the labels' ranges,
 * which finds the two 1s in [1, 1, 10] with a total of 12.
 */

type Known = {
	counts: Record<string, number>;
	shown: Record<string, ShownCount | undefined>;
	relations: readonly Relation[];
};

const sensitive = (count: number, t: number) => count > 0 && count < t;
const isShown = (known: Known, name: string) => known.shown[name]?.kind === 'count';

function labelRange(known: Known, name: string): [number, number] {
	const cell = known.shown[name];
	return cell?.kind === 'suppressed' ? [1, cell.below - 1] : [0, Infinity];
}

/** Hidden counts from 1 to t-1 that some single sum gives away (cell from a total, total from cells). */
function bySubtraction(known: Known, t: number): string[] {
	const found: string[] = [];
	for (const { total, parts } of known.relations) {
		const hidden = [total, ...parts].filter((name) => !isShown(known, name));
		if (hidden.length === 1 && sensitive(known.counts[hidden[0]], t)) found.push(hidden[0]);
	}
	return found;
}

// Exact rationals, as [numerator, denominator] with a positive denominator.
type Q = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
	const g = gcd(n, d) || 1n;
	return d < 0n ? [-n / g, -d / g] : [n / g, d / g];
};
const sub = (a: Q, b: Q) => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q) => q(a[0] * b[0], a[1] * b[1]);
const div = (a: Q, b: Q) => q(a[0] * b[1], a[1] * b[0]);

/** Hidden counts from 1 to t-1 that the sums determine on their own, by exact elimination. */
function byLinearAlgebra(known: Known, t: number): string[] {
	const hidden = Object.keys(known.counts).filter((name) => !isShown(known, name));
	const column = new Map(hidden.map((name, i) => [name, i]));
	const rows: Q[][] = known.relations.map(({ total, parts }) => {
		const row: Q[] = Array.from({ length: hidden.length + 1 }, () => q(0n));
		const add = (name: string, sign: bigint) => {
			const shown = known.shown[name];
			if (shown?.kind === 'count')
				row[hidden.length] = sub(row[hidden.length], q(sign * BigInt(shown.value)));
			else {
				const c = column.get(name)!;
				row[c] = sub(row[c], q(-sign));
			}
		};
		add(total, 1n);
		for (const part of parts) add(part, -1n);
		return row;
	});
	let pivotRow = 0;
	for (let c = 0; c < hidden.length && pivotRow < rows.length; c++) {
		const found = rows.findIndex((row, i) => i >= pivotRow && row[c][0] !== 0n);
		if (found === -1) continue;
		[rows[pivotRow], rows[found]] = [rows[found], rows[pivotRow]];
		const pivot = rows[pivotRow].map((v) => div(v, rows[pivotRow][c]));
		rows[pivotRow] = pivot;
		rows.forEach((row, i) => {
			if (i === pivotRow || row[c][0] === 0n) return;
			const factor = row[c];
			rows[i] = row.map((v, j) => sub(v, mul(factor, pivot[j])));
		});
		pivotRow++;
	}
	const determined: string[] = [];
	for (const row of rows) {
		const nonZero = hidden.filter((_, c) => row[c][0] !== 0n);
		if (nonZero.length === 1) determined.push(nonZero[0]);
	}
	return determined.filter((name) => sensitive(known.counts[name], t));
}

/** The smallest value of c·y with A y = b and y >= 0, by the two-phase simplex method (Bland's rule). */
function minimise(c: number[], a: number[][], b: number[]): number {
	const m = a.length;
	const n = c.length;
	const eps = 1e-9;
	// Tableau: n variables, then m artificials, then the right-hand side.
	const tab = a.map((row, i) => {
		const sign = b[i] < 0 ? -1 : 1;
		return [
			...row.map((v) => v * sign),
			...Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)),
			b[i] * sign
		];
	});
	const basis = Array.from({ length: m }, (_, i) => n + i);
	const width = n + m;
	const pivot = (r: number, col: number) => {
		const p = tab[r][col];
		tab[r] = tab[r].map((v) => v / p);
		tab.forEach((row, i) => {
			if (i === r || Math.abs(row[col]) < eps) return;
			const f = row[col];
			tab[i] = row.map((v, j) => v - f * tab[r][j]);
		});
		basis[r] = col;
	};
	const run = (cost: number[], allowed: (col: number) => boolean): number => {
		for (let guard = 0; guard < 5000; guard++) {
			const reduced = Array.from({ length: width }, (_, j) =>
				basis.reduce((s, bj, i) => s - cost[bj] * tab[i][j], cost[j])
			);
			const enter = reduced.findIndex((v, j) => allowed(j) && v < -eps);
			if (enter === -1) return basis.reduce((s, bj, i) => s + cost[bj] * tab[i][width], 0);
			let leave = -1;
			for (let i = 0; i < m; i++) {
				if (tab[i][enter] <= eps) continue;
				const ratio = tab[i][width] / tab[i][enter];
				const best = leave === -1 ? Infinity : tab[leave][width] / tab[leave][enter];
				if (ratio < best - eps || (Math.abs(ratio - best) <= eps && basis[i] < basis[leave]))
					leave = i;
			}
			if (leave === -1) return -Infinity;
			pivot(leave, enter);
		}
		throw new Error('simplex did not finish');
	};
	const phase1 = Array.from({ length: width }, (_, j) => (j >= n ? 1 : 0));
	if (run(phase1, () => true) > 1e-6) throw new Error('no solution: the test built a wrong system');
	// Drive artificials out of the basis where a real column can replace them.
	basis.forEach((bj, i) => {
		if (bj < n) return;
		const col = tab[i].findIndex((v, j) => j < n && Math.abs(v) > eps);
		if (col !== -1) pivot(i, col);
	});
	const cost = Array.from({ length: width }, (_, j) => (j < n ? c[j] : 0));
	return run(cost, (j) => j < n);
}

/** Hidden counts from 1 to t-1 pinned by the sums together with the labels' ranges. */
function byLinearProgramme(known: Known, t: number): string[] {
	const hidden = Object.keys(known.counts).filter((name) => !isShown(known, name));
	// Variables: each hidden figure's excess over its label's lower bound, then one slack per
	// finite upper bound.
	const ranges = hidden.map((name) => labelRange(known, name));
	const bounded = hidden.map((_, i) => i).filter((i) => Number.isFinite(ranges[i][1]));
	const n = hidden.length + bounded.length;
	const a: number[][] = [];
	const b: number[] = [];
	for (const { total, parts } of known.relations) {
		const row = Array<number>(n).fill(0);
		let rhs = 0;
		const add = (name: string, sign: number) => {
			const shown = known.shown[name];
			if (shown?.kind === 'count') rhs -= sign * shown.value;
			else {
				const i = hidden.indexOf(name);
				row[i] += sign;
				rhs -= sign * ranges[i][0];
			}
		};
		add(total, 1);
		for (const part of parts) add(part, -1);
		a.push(row);
		b.push(rhs);
	}
	bounded.forEach((i, k) => {
		const row = Array<number>(n).fill(0);
		row[i] = 1;
		row[hidden.length + k] = 1;
		a.push(row);
		b.push(ranges[i][1] - ranges[i][0]);
	});
	return hidden.filter((name, i) => {
		const [lo, hi] = ranges[i];
		if (!sensitive(known.counts[name], t) || lo === hi) return false;
		const c = Array<number>(n).fill(0);
		c[i] = 1;
		const least = minimise(c, a, b) + lo;
		c[i] = -1;
		const most = -minimise(c, a, b) + lo;
		return Math.ceil(least - 1e-6) === Math.floor(most + 1e-6);
	});
}

/** Every way the attacker found in, with the names of the figures it pinned. */
function leaks(known: Known, t: number) {
	const shownSmall = Object.keys(known.counts).filter((name) => {
		const cell = known.shown[name];
		return cell?.kind === 'count' && sensitive(cell.value, t);
	});
	return {
		shownSmall,
		bySubtraction: bySubtraction(known, t),
		byLinearAlgebra: byLinearAlgebra(known, t),
		byLinearProgramme: byLinearProgramme(known, t)
	};
}
const none = { shownSmall: [], bySubtraction: [], byLinearAlgebra: [], byLinearProgramme: [] };

type TotalShown = 'shown' | 'unshown' | 'none';
const totalShown = fc.constantFrom<TotalShown>('shown', 'unshown', 'none');

/** The reader's view of a suppressed table: its figures, the sums they know hold, and the labels. */
function readTable(
	grid: number[][],
	options: { rowTotals: TotalShown; columnTotals: TotalShown; grandTotal: TotalShown },
	threshold: number
): Known {
	const table = suppressTable(grid, { ...options, threshold });
	const counts: Record<string, number> = {};
	const shown: Record<string, ShownCount | undefined> = {};
	const relations: Relation[] = [];
	const rows = grid.map((_, r) => `R${r}`);
	const columns = grid[0].map((_, c) => `C${c}`);
	grid.forEach((row, r) =>
		row.forEach((count, c) => {
			counts[`x${r}.${c}`] = count;
			shown[`x${r}.${c}`] = table.cells[r][c];
		})
	);
	if (options.rowTotals !== 'none')
		rows.forEach((name, r) => {
			counts[name] = grid[r].reduce((s, n) => s + n, 0);
			shown[name] = table.rowTotals?.[r];
			relations.push({ total: name, parts: columns.map((_, c) => `x${r}.${c}`) });
		});
	if (options.columnTotals !== 'none')
		columns.forEach((name, c) => {
			counts[name] = grid.reduce((s, row) => s + row[c], 0);
			shown[name] = table.columnTotals?.[c];
			relations.push({ total: name, parts: rows.map((_, r) => `x${r}.${c}`) });
		});
	if (options.grandTotal !== 'none') {
		counts.G = grid.flat().reduce((s, n) => s + n, 0);
		shown.G = table.grandTotal ?? undefined;
		relations.push({
			total: 'G',
			parts: grid.flatMap((row, r) => row.map((_, c) => `x${r}.${c}`))
		});
	}
	return { counts, shown, relations };
}

// Small counts are common in a council's figures, so most cells are drawn near the threshold.
const count = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 40 }));
const grid = fc
	.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
	.chain(([rows, columns]) =>
		fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
			minLength: rows,
			maxLength: rows
		})
	);
// From 3: at 2, "fewer than 2" can only mean 1, and the label itself gives the count away.
const threshold = fc.integer({ min: 3, max: 10 });

describe('small-number suppression, for any table (fast-check)', () => {
	it('shows no count from 1 to threshold-1, and lets none be worked out, whatever totals are shown', () => {
		fc.assert(
			fc.property(
				grid,
				totalShown,
				totalShown,
				totalShown,
				threshold,
				(cells, rowTotals, columnTotals, grandTotal, t) => {
					const known = readTable(cells, { rowTotals, columnTotals, grandTotal }, t);
					expect(leaks(known, t)).toEqual(none);
				}
			),
			{ numRuns: 400 }
		);
	});

	it('hides every count from 1 to threshold-1 (primary suppression)', () => {
		fc.assert(
			fc.property(grid, threshold, (cells, t) => {
				const table = suppressTable(cells, { threshold: t, columnTotals: 'shown' });
				cells.forEach((row, r) =>
					row.forEach((n, c) => {
						// "Withheld" when even "fewer than" would tell too much.
						if (sensitive(n, t)) expect(table.cells[r][c].kind).not.toBe('count');
						else expect(table.cells[r][c].kind).not.toBe('suppressed');
					})
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps a breakdown of a known total safe the same way', () => {
		fc.assert(
			fc.property(fc.array(count, { minLength: 1, maxLength: 8 }), threshold, (cells, t) => {
				const { parts: shown, total } = suppressBreakdown(cells, t);
				const known: Known = {
					counts: { T: cells.reduce((s, n) => s + n, 0) },
					shown: { T: total },
					relations: [{ total: 'T', parts: cells.map((_, i) => `p${i}`) }]
				};
				cells.forEach((n, i) => {
					known.counts[`p${i}`] = n;
					known.shown[`p${i}`] = shown[i];
				});
				expect(leaks(known, t)).toEqual(none);
			}),
			{ numRuns: 300 }
		);
	});
});

describe("a quarter's review figures, for any counts (fast-check)", () => {
	// Build the counts the way reviews make them: each review held has an age (under 4 or not),
	// was on time or late, and a way views were given.
	const review = fc.record({
		onTime: fc.boolean(),
		under4: fc.boolean(),
		way: fc.constantFrom('spoke', 'advocate', 'other', 'none'),
		app: fc.boolean()
	});
	const reviews = fc.array(review, { maxLength: 60 });

	it('never lets a reader work out reviews held late, of under-4s, or views not given', () => {
		fc.assert(
			fc.property(reviews, threshold, (list, t) => {
				const older = list.filter((r) => !r.under4);
				const counts = {
					held: list.length,
					onTime: list.filter((r) => r.onTime).length,
					aged4Plus: older.length,
					viewsGiven: older.filter((r) => r.way !== 'none').length,
					attendedAndSpoke: older.filter((r) => r.way === 'spoke').length,
					throughAdvocate: older.filter((r) => r.way === 'advocate').length,
					throughApp: older.filter((r) => r.app).length
				};
				const shown = suppressReviewQuarter(counts, t);
				const known: Known = {
					counts: {
						...counts,
						late: counts.held - counts.onTime,
						under4: counts.held - counts.aged4Plus,
						viewsNotGiven: counts.aged4Plus - counts.viewsGiven,
						otherWays: older.filter((r) => r.way === 'other').length,
						notThroughApp: counts.aged4Plus - counts.throughApp
					},
					shown,
					relations: [
						{ total: 'held', parts: ['onTime', 'late'] },
						{ total: 'held', parts: ['aged4Plus', 'under4'] },
						{ total: 'aged4Plus', parts: ['viewsGiven', 'viewsNotGiven'] },
						{ total: 'viewsGiven', parts: ['attendedAndSpoke', 'throughAdvocate', 'otherWays'] },
						{ total: 'aged4Plus', parts: ['throughApp', 'notThroughApp'] }
					]
				};
				expect(leaks(known, t)).toEqual(none);
			}),
			{ numRuns: 400 }
		);
	});
});

describe('the attacker finds the leaks it is meant to find (so the properties above can fail)', () => {
	const row = (cells: number[], shownCells: ShownCount[], total: ShownCount): Known => ({
		counts: {
			T: cells.reduce((s, n) => s + n, 0),
			...Object.fromEntries(cells.map((n, i) => [`p${i}`, n]))
		},
		shown: { T: total, ...Object.fromEntries(shownCells.map((s, i) => [`p${i}`, s])) },
		relations: [{ total: 'T', parts: cells.map((_, i) => `p${i}`) }]
	});
	const few: ShownCount = { kind: 'suppressed', below: 6 };

	it('finds a single hidden cell from its total', () => {
		const known = row([3, 40], [few, { kind: 'count', value: 40 }], { kind: 'count', value: 43 });
		expect(leaks(known, 6).bySubtraction).toEqual(['p0']);
		expect(leaks(known, 6).byLinearAlgebra).toEqual(['p0']);
	});

	it('finds [1, 1, 10] with a total of 12 from the labels', () => {
		const known = row([1, 1, 10], [few, few, { kind: 'count', value: 10 }], {
			kind: 'count',
			value: 12
		});
		expect(leaks(known, 6).byLinearAlgebra).toEqual([]);
		expect(leaks(known, 6).byLinearProgramme).toEqual(['p0', 'p1']);
	});

	it('finds a count from two tables that share a hidden total', () => {
		// x = 2 is hidden in a row and a column; the column's other cell is shown and so is its total.
		const known: Known = {
			counts: { x: 2, y: 20, a: 9, R: 22, C: 11 },
			shown: {
				x: few,
				y: { kind: 'withheld' },
				a: { kind: 'count', value: 9 },
				R: { kind: 'count', value: 22 },
				C: { kind: 'count', value: 11 }
			},
			relations: [
				{ total: 'R', parts: ['x', 'y'] },
				{ total: 'C', parts: ['x', 'a'] }
			]
		};
		expect(leaks(known, 6).byLinearAlgebra).toEqual(['x']);
		expect(leaks(known, 6).byLinearProgramme).toEqual(['x']);
	});

	it('finds a count from two shown figures whose difference it is', () => {
		const known: Known = {
			counts: { held: 20, aged4Plus: 18, under4: 2 },
			shown: { held: { kind: 'count', value: 20 }, aged4Plus: { kind: 'count', value: 18 } },
			relations: [{ total: 'held', parts: ['aged4Plus', 'under4'] }]
		};
		expect(leaks(known, 6).bySubtraction).toEqual(['under4']);
	});

	it('lets suppressFigures repair each of them', () => {
		const shown = suppressFigures(
			{
				counts: { held: 20, aged4Plus: 18, under4: 2 },
				unshown: ['under4'],
				relations: [{ total: 'held', parts: ['aged4Plus', 'under4'] }]
			},
			6
		);
		expect(shown.under4).toBeUndefined();
		expect([shown.held.kind, shown.aged4Plus.kind].filter((k) => k !== 'count')).toHaveLength(1);
	});
});
