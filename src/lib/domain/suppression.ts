/**
 * Small-number suppression as the Department for Education does it for looked-after
 * children statistics: a count from 1 to threshold-1 is hidden, and so is any
 * percentage built on it.
 */
export type ShownCount =
	{ kind: 'count'; value: number } | { kind: 'suppressed'; below: number } | { kind: 'withheld' };

export function suppressCount(count: number, threshold = 6): ShownCount {
	if (count > 0 && count < threshold) return { kind: 'suppressed', below: threshold };
	return { kind: 'count', value: count };
}

/**
 * Suppress a set of counts that add up to a known total. Where exactly one cell is
 * hidden, the total would give it away, so the next smallest shown non-zero cell is withheld too.
 */
export function suppressBreakdown(counts: readonly number[], threshold = 6): ShownCount[] {
	const shown = counts.map((count) => suppressCount(count, threshold));
	const hidden = shown.filter((cell) => cell.kind === 'suppressed').length;
	if (hidden === 1) {
		let secondary = -1;
		counts.forEach((count, index) => {
			if (shown[index].kind === 'count' && count > 0) {
				if (secondary === -1 || count < counts[secondary]) secondary = index;
			}
		});
		if (secondary !== -1) shown[secondary] = { kind: 'withheld' };
	}
	return shown;
}

/** A share of a total, in whole per cent, or withheld because its count is hidden. */
export type ShownShare = { kind: 'share'; percent: number } | { kind: 'withheld' };

export interface SuppressedRow<K extends string> {
	key: K;
	/** One cell per column, in the order given. */
	cells: ShownCount[];
	total: ShownCount;
	share: ShownShare;
}

/**
 * A table of counts (rows by columns, for example themes by month) ready for the Board: every
 * cell and row total suppressed, one more cell withheld in any row where a single hidden cell
 * could be worked out from the row total, and each row's share of the grand total withheld
 * whenever its count is not shown. When rows add up to the grand total (each item in one row
 * only), row totals are suppressed against the grand total the same way.
 */
export function suppressedTable<K extends string>(
	keys: readonly K[],
	columns: readonly string[],
	counts: readonly { key: K; column: string; count: number }[],
	options: { threshold?: number; rowsAddUp: boolean }
): { rows: SuppressedRow<K>[]; grandTotal: ShownCount } {
	const threshold = options.threshold ?? 6;
	const raw = keys.map((key) =>
		columns.map((column) => counts.find((c) => c.key === key && c.column === column)?.count ?? 0)
	);
	const totals = raw.map((cells) => cells.reduce((sum, n) => sum + n, 0));
	const grand = options.rowsAddUp ? totals.reduce((sum, n) => sum + n, 0) : 0;
	const shownTotals = options.rowsAddUp
		? suppressBreakdown(totals, threshold)
		: totals.map((total) => suppressCount(total, threshold));
	const grandTotal = suppressCount(grand, threshold);
	const rows = keys.map((key, index) => {
		const total = shownTotals[index];
		const cells = suppressBreakdown(raw[index], threshold);
		// A share is built on two counts: both must be shown.
		const share: ShownShare =
			options.rowsAddUp && total.kind === 'count' && grandTotal.kind === 'count' && grand > 0
				? { kind: 'share', percent: Math.round((total.value / grand) * 100) }
				: { kind: 'withheld' };
		return { key, cells, total, share };
	});
	return { rows, grandTotal };
}

/** A count and its share of a total, each hidden when small; the share needs both counts shown. */
export function countAndShare(
	count: number,
	total: number,
	threshold = 6
): { count: ShownCount; share: ShownShare } {
	const shownCount = suppressCount(count, threshold);
	const shownTotal = suppressCount(total, threshold);
	const share: ShownShare =
		shownCount.kind === 'count' && shownTotal.kind === 'count' && total > 0
			? { kind: 'share', percent: Math.round((count / total) * 100) }
			: { kind: 'withheld' };
	return { count: shownCount, share };
}
