import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressBreakdown, suppressCount, suppressedTable } from '$lib/domain/suppression';

const counts = fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 });
const threshold = fc.integer({ min: 2, max: 20 });

describe('small-number suppression, for any counts (fast-check)', () => {
	it('never shows a count from 1 to threshold-1', () => {
		fc.assert(
			fc.property(counts, threshold, (cells, t) => {
				suppressBreakdown(cells, t).forEach((shown, i) => {
					if (shown.kind === 'count') expect(shown.value === 0 || shown.value >= t).toBe(true);
					if (cells[i] > 0 && cells[i] < t) expect(shown.kind).toBe('suppressed');
				});
			}),
			{ numRuns: 2000 }
		);
	});

	it('never lets a hidden count be worked out from the total', () => {
		fc.assert(
			fc.property(counts, threshold, (cells, t) => {
				const shown = suppressBreakdown(cells, t);
				const hidden = shown.filter((cell) => cell.kind !== 'count');
				if (hidden.length !== 1) return;
				// One hidden cell is safe only when the total is hidden too (every other cell is 0).
				const total = cells.reduce((sum, n) => sum + n, 0);
				expect(suppressCount(total, t).kind).toBe('suppressed');
			}),
			{ numRuns: 2000 }
		);
	});

	it('keeps every table row and share safe the same way', () => {
		fc.assert(
			fc.property(fc.array(counts, { minLength: 1, maxLength: 5 }), threshold, (rows, t) => {
				const keys = rows.map((_, i) => `row${i}`);
				const width = Math.max(...rows.map((r) => r.length));
				const columns = Array.from({ length: width }, (_, i) => `c${i}`);
				const table = suppressedTable(
					keys,
					columns,
					rows.flatMap((row, r) =>
						row.map((count, c) => ({ key: keys[r], column: columns[c], count }))
					),
					{ threshold: t, rowsAddUp: true }
				);
				for (const row of table.rows) {
					for (const cell of [...row.cells, row.total])
						if (cell.kind === 'count') expect(cell.value === 0 || cell.value >= t).toBe(true);
					if (row.share.kind === 'share') expect(row.total.kind).toBe('count');
				}
			}),
			{ numRuns: 500 }
		);
	});
});
