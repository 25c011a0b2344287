/**
 * Small-number suppression as the Department for Education and the ONS do it for looked-after
 * children statistics: a count from 1 to threshold-1 is hidden (primary suppression), and more
 * figures are withheld (secondary suppression) until no hidden count can be worked out from
 * what the page shows: not from a total, not from the difference of two related figures, and
 * not from any combination of the sums a reader knows hold.
 */
export type ShownCount =
	{ kind: 'count'; value: number } | { kind: 'suppressed'; below: number } | { kind: 'withheld' };

/** One count on its own: hidden when from 1 to threshold-1. Only for a figure tied to no other. */
export function suppressCount(count: number, threshold = 6): ShownCount {
	if (count > 0 && count < threshold) return { kind: 'suppressed', below: threshold };
	return { kind: 'count', value: count };
}

/** A sum a reader knows holds between figures of one page: `total` = the sum of `parts`. */
export interface Relation {
	total: string;
	parts: readonly string[];
}

/** Figures shown together, by name, with the sums that tie them. */
export interface LinkedFigures {
	/** Every figure's true count. */
	counts: Readonly<Record<string, number>>;
	/**
	 * Figures the page never prints but that a reader could work out from the others (reviews held
	 * late = reviews held − held on time): protected like any hidden count, and never returned.
	 */
	unshown?: readonly string[];
	relations: readonly Relation[];
}

const EPSILON = 1e-9;

type Equation = { coefficients: Map<string, number>; constant: number };

/** What a reader knows of each hidden figure from its label alone. */
function labelBounds(name: string, shown: Readonly<Record<string, ShownCount>>) {
	const cell = shown[name];
	return cell?.kind === 'suppressed' ? [1, cell.below - 1] : [0, Infinity];
}

/** The known sums, rewritten over the hidden figures only (shown values moved to the constant). */
function equationsOverHidden(
	relations: readonly Relation[],
	known: ReadonlyMap<string, number>
): Equation[] {
	return relations.map(({ total, parts }) => {
		const coefficients = new Map<string, number>();
		let constant = 0;
		const add = (name: string, coefficient: number) => {
			const value = known.get(name);
			if (value !== undefined) constant -= coefficient * value;
			else coefficients.set(name, (coefficients.get(name) ?? 0) + coefficient);
		};
		add(total, 1);
		for (const part of parts) add(part, -1);
		for (const [name, coefficient] of coefficients)
			if (Math.abs(coefficient) < EPSILON) coefficients.delete(name);
		return { coefficients, constant };
	});
}

/** Gaussian elimination to reduced row echelon form: each row a combination a reader can make. */
function reduced(equations: Equation[], names: readonly string[]): Equation[] {
	const rows = equations.map((e) => ({
		coefficients: new Map(e.coefficients),
		constant: e.constant
	}));
	let pivotRow = 0;
	for (const name of names) {
		const found = rows.findIndex(
			(row, index) => index >= pivotRow && Math.abs(row.coefficients.get(name) ?? 0) > EPSILON
		);
		if (found === -1) continue;
		[rows[pivotRow], rows[found]] = [rows[found], rows[pivotRow]];
		const pivot = rows[pivotRow];
		const scale = pivot.coefficients.get(name)!;
		for (const [key, value] of pivot.coefficients) pivot.coefficients.set(key, value / scale);
		pivot.constant /= scale;
		rows.forEach((row, index) => {
			const factor = row.coefficients.get(name) ?? 0;
			if (index === pivotRow || Math.abs(factor) < EPSILON) return;
			for (const [key, value] of pivot.coefficients) {
				const next = (row.coefficients.get(key) ?? 0) - factor * value;
				if (Math.abs(next) < EPSILON) row.coefficients.delete(key);
				else row.coefficients.set(key, next);
			}
			row.constant -= factor * pivot.constant;
		});
		pivotRow++;
	}
	return rows.slice(0, pivotRow);
}

/**
 * The hidden figures whose count (from 1 to threshold-1) a reader can pin down from the page:
 * the shown values, the known sums, the linear combinations of those sums, and the range each
 * label gives ("fewer than 6" is 1 to 5; a withheld figure is any count). Two hidden cells in a
 * row of [1, 1, 10] with a total of 12 are pinned this way, though no single subtraction finds
 * them. A figure its own label already pins ("fewer than 2" can only be 1) is not counted here:
 * no other figure could protect it.
 */
export function disclosedFigures(
	figures: LinkedFigures,
	shown: Readonly<Record<string, ShownCount>>,
	threshold = 6
): string[] {
	const known = new Map<string, number>();
	for (const [name, cell] of Object.entries(shown))
		if (cell.kind === 'count' && !figures.unshown?.includes(name)) known.set(name, cell.value);
	const hidden = Object.keys(figures.counts).filter((name) => !known.has(name));
	const bounds = new Map(hidden.map((name) => [name, labelBounds(name, shown)]));
	const original = equationsOverHidden(figures.relations, known);
	const rows = [...original, ...reduced(original, hidden)];
	// Interval propagation over every row until nothing narrows: each hidden figure is the row's
	// constant minus the rest, and the rest lies between its smallest and largest sums.
	for (let changed = true, rounds = 0; changed && rounds < 200; rounds++) {
		changed = false;
		for (const row of rows) {
			for (const [name, coefficient] of row.coefficients) {
				let low = row.constant;
				let high = row.constant;
				for (const [other, a] of row.coefficients) {
					if (other === name) continue;
					const [lo, hi] = bounds.get(other)!;
					low -= a > 0 ? a * hi : a * lo;
					high -= a > 0 ? a * lo : a * hi;
				}
				const [from, to] = coefficient > 0 ? [low, high] : [high, low];
				const next = [from / coefficient, to / coefficient].map((v) => (Number.isNaN(v) ? 0 : v));
				const [lo, hi] = bounds.get(name)!;
				const newLo = Math.max(lo, Math.ceil(Math.min(...next) - EPSILON));
				const newHi = Math.min(hi, Math.floor(Math.max(...next) + EPSILON));
				if (newLo > lo || newHi < hi) {
					bounds.set(name, [newLo, newHi]);
					changed = true;
				}
			}
		}
	}
	return hidden.filter((name) => {
		const count = figures.counts[name];
		const [lo, hi] = bounds.get(name)!;
		const [labelLo, labelHi] = labelBounds(name, shown);
		return count > 0 && count < threshold && lo === hi && labelLo !== labelHi;
	});
}

/**
 * Suppress linked figures: every count from 1 to threshold-1 hidden, then, while a reader could
 * still work out a hidden count, one more figure withheld: the smallest shown count in a sum with
 * the exposed figure (a non-zero cell before a total, as the ONS guidance orders it), or, when
 * every figure near it is hidden already, one of them shown as "withheld" rather than "fewer
 * than". Returns every figure but the unshown ones.
 */
export function suppressFigures(figures: LinkedFigures, threshold = 6): Record<string, ShownCount> {
	const shown: Record<string, ShownCount> = {};
	for (const [name, count] of Object.entries(figures.counts))
		shown[name] = figures.unshown?.includes(name)
			? { kind: 'withheld' }
			: suppressCount(count, threshold);
	const relationsOf = (name: string) =>
		figures.relations.filter((r) => r.total === name || r.parts.includes(name));
	for (;;) {
		const exposed = disclosedFigures(figures, shown, threshold);
		if (!exposed.length) break;
		const complement = bestComplement(exposed, figures, shown, relationsOf);
		// Nothing left to hide beside it: every figure tied to it is hidden already.
		if (!complement) break;
		shown[complement] = { kind: 'withheld' };
	}
	for (const name of figures.unshown ?? []) delete shown[name];
	return shown;
}

function bestComplement(
	exposed: readonly string[],
	figures: LinkedFigures,
	shown: Readonly<Record<string, ShownCount>>,
	relationsOf: (name: string) => Relation[]
): string | undefined {
	// Widen the search from the exposed figure's own sums to every sum its hidden neighbours are in.
	const reached = new Set(exposed);
	for (let size = 0; size !== reached.size;) {
		size = reached.size;
		const candidates: { name: string; total: boolean }[] = [];
		for (const name of reached)
			for (const relation of relationsOf(name))
				for (const member of [relation.total, ...relation.parts]) {
					if (shown[member].kind === 'count')
						candidates.push({ name: member, total: member === relation.total });
					else reached.add(member);
				}
		const rank = ({ name, total }: { name: string; total: boolean }) => {
			const count = figures.counts[name];
			// Withholding a 0 protects little: a reader may guess it.
			return [count === 0 ? 1 : 0, total ? 1 : 0, count];
		};
		candidates.sort((a, b) => {
			const [x, y] = [rank(a), rank(b)];
			return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.name.localeCompare(b.name);
		});
		if (candidates.length) return candidates[0].name;
	}
	// Nothing shown is left to withhold: the labels themselves pin it ("fewer than 3" twice in a
	// sum of 4). Saying "withheld" instead of "fewer than" tells the reader less.
	return [...reached].filter((name) => shown[name].kind === 'suppressed').sort()[0];
}

/**
 * Counts shown with their total (young people in care and care leavers): suppressed so that no
 * hidden count can be worked out from the total or the other counts.
 */
export function suppressBreakdown(
	counts: readonly number[],
	threshold = 6
): { parts: ShownCount[]; total: ShownCount } {
	const parts = counts.map((_, index) => `part${index}`);
	const shown = suppressFigures(
		{
			counts: {
				total: counts.reduce((sum, n) => sum + n, 0),
				...Object.fromEntries(parts.map((name, index) => [name, counts[index]]))
			},
			relations: [{ total: 'total', parts }]
		},
		threshold
	);
	return { parts: parts.map((name) => shown[name]), total: shown.total };
}

/** A share of a total, in whole per cent, or withheld because its count is hidden. */
export type ShownShare = { kind: 'share'; percent: number } | { kind: 'withheld' };

/**
 * A share of a total. A share and its count give the total away, so a share is shown only when
 * both its count and its total are shown figures after suppression.
 */
export function shareOf(count: ShownCount, total: ShownCount): ShownShare {
	if (count.kind !== 'count' || total.kind !== 'count' || total.value === 0)
		return { kind: 'withheld' };
	return { kind: 'share', percent: Math.round((count.value / total.value) * 100) };
}

/** One row of a Board table after suppression: its cells, its total and its share of all rows. */
export interface SuppressedRow<K extends string> {
	key: K;
	/** One cell per column, in the order given. */
	cells: ShownCount[];
	total: ShownCount;
	share: ShownShare;
}

/** A table of counts after suppression; totals are null where the table has none. */
export interface SuppressedTable {
	cells: ShownCount[][];
	rowTotals: ShownCount[] | null;
	columnTotals: ShownCount[] | null;
	grandTotal: ShownCount | null;
}

/**
 * Suppress a grid of counts with the totals its page shows or gives away. A row total is the sum
 * of its row's cells; a column total the sum of its column's; the grand total the sum of the row
 * totals and of the column totals. Declare a total `'shown'` when the reader sees it or can work
 * it out (a share of it is printed), `'unshown'` when it exists but is never printed (it is then
 * protected, not returned), or `'none'` when the grid has no such sum (themes that overlap).
 */
export function suppressTable(
	counts: readonly (readonly number[])[],
	options: {
		threshold?: number;
		rowTotals?: 'shown' | 'unshown' | 'none';
		columnTotals?: 'shown' | 'unshown' | 'none';
		grandTotal?: 'shown' | 'unshown' | 'none';
	}
): SuppressedTable {
	const { rowTotals = 'shown', columnTotals = 'none', grandTotal = 'none' } = options;
	const width = Math.max(0, ...counts.map((row) => row.length));
	const grid = counts.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? 0));
	const cell = (r: number, c: number) => `cell:${r}:${c}`;
	const row = (r: number) => `row:${r}`;
	const column = (c: number) => `column:${c}`;
	const figureCounts: Record<string, number> = {};
	const relations: Relation[] = [];
	const unshown: string[] = [];
	grid.forEach((cells, r) => cells.forEach((count, c) => (figureCounts[cell(r, c)] = count)));
	const columnsOf = grid[0]?.map((_, c) => c) ?? [];
	if (rowTotals !== 'none')
		grid.forEach((cells, r) => {
			figureCounts[row(r)] = cells.reduce((sum, n) => sum + n, 0);
			if (rowTotals === 'unshown') unshown.push(row(r));
			relations.push({ total: row(r), parts: columnsOf.map((c) => cell(r, c)) });
		});
	if (columnTotals !== 'none')
		columnsOf.forEach((c) => {
			figureCounts[column(c)] = grid.reduce((sum, cells) => sum + cells[c], 0);
			if (columnTotals === 'unshown') unshown.push(column(c));
			relations.push({ total: column(c), parts: grid.map((_, r) => cell(r, c)) });
		});
	if (grandTotal !== 'none') {
		figureCounts.grand = grid.flat().reduce((sum, n) => sum + n, 0);
		if (grandTotal === 'unshown') unshown.push('grand');
		const parts =
			rowTotals !== 'none'
				? grid.map((_, r) => row(r))
				: grid.flatMap((cells, r) => cells.map((_, c) => cell(r, c)));
		relations.push({ total: 'grand', parts });
		if (columnTotals !== 'none') relations.push({ total: 'grand', parts: columnsOf.map(column) });
	}
	const shown = suppressFigures({ counts: figureCounts, unshown, relations }, options.threshold);
	return {
		cells: grid.map((cells, r) => cells.map((_, c) => shown[cell(r, c)])),
		rowTotals: rowTotals === 'shown' ? grid.map((_, r) => shown[row(r)]) : null,
		columnTotals: columnTotals === 'shown' ? columnsOf.map((c) => shown[column(c)]) : null,
		grandTotal: grandTotal === 'shown' ? shown.grand : null
	};
}
