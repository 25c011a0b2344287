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
