import { describe, expect, it } from 'vitest';
import {
	disclosedFigures,
	shareOf,
	suppressFigures,
	suppressTable,
	type ShownCount
} from '$lib/domain/suppression';
import { suppressReviewQuarter } from '$lib/server/reviews/measures';

const few: ShownCount = { kind: 'suppressed', below: 6 };
const withheld: ShownCount = { kind: 'withheld' };
const count = (value: number): ShownCount => ({ kind: 'count', value });

describe('the three leaks seen on the Board (issue 20, item 9)', () => {
	it('[1, 1, 10] with a total of 12: the 10 is withheld, so the two 1s cannot be rebuilt', () => {
		// Before: both 1s hidden, 10 and 12 shown, so the hidden pair summed to 2 and each was 1.
		const table = suppressTable([[1, 1, 10]], { rowTotals: 'shown' });
		expect(table.cells[0]).toEqual([few, few, withheld]);
		expect(table.rowTotals).toEqual([count(12)]);
	});

	it('a row whose total is withheld does not show cells that rebuild it', () => {
		// Before: plans (2) hidden against the grand total, so home's total (16) was withheld, but
		// home's cells 7 and 9 were shown: 16 came back, and 37 - 19 - 16 = 2.
		const table = suppressTable(
			[
				[12, 7],
				[7, 9],
				[0, 2]
			],
			{ rowTotals: 'shown', grandTotal: 'shown' }
		);
		expect(table.rowTotals).toEqual([count(19), withheld, few]);
		expect(table.cells[1]).toEqual([withheld, count(9)]);
		expect(table.grandTotal).toEqual(count(37));
	});

	it('reviews held and reviews for children aged 4 and over: their difference (2 under 4) is protected', () => {
		// Before: 20 held and 18 aged 4 and over (given away by its shares) were both shown.
		const shown = suppressReviewQuarter({
			held: 20,
			onTime: 20,
			aged4Plus: 18,
			viewsGiven: 18,
			attendedAndSpoke: 18,
			throughAdvocate: 0,
			throughApp: 18
		});
		expect(shown.held).toEqual(count(20));
		expect(shown.aged4Plus).toEqual(withheld);
		// A share prints its total: with the total withheld, so is each share built on it.
		expect(shareOf(shown.viewsGiven, shown.aged4Plus)).toEqual({ kind: 'withheld' });
	});
});

describe('suppressTable', () => {
	it('hides a total that would rebuild a single hidden cell when no other cell is left', () => {
		// Row [3, 0]: the 0 protects nothing, so the row total (3, itself small) is hidden; the
		// column totals 3 and 0 would rebuild the 3, so the non-zero one is withheld.
		const table = suppressTable([[3, 0]], { rowTotals: 'shown', columnTotals: 'shown' });
		expect(table.cells[0][0]).toEqual(few);
		expect(table.rowTotals).toEqual([few]);
		expect(table.columnTotals![0].kind).not.toBe('count');
	});

	it('protects a hidden cell across rows and columns, not only within its row', () => {
		const table = suppressTable(
			[
				[2, 20, 30],
				[15, 40, 50]
			],
			{ rowTotals: 'shown', columnTotals: 'shown', grandTotal: 'shown' }
		);
		const hiddenInRow0 = table.cells[0].filter((c) => c.kind !== 'count').length;
		const hiddenInColumn0 = table.cells.map((row) => row[0]).filter((c) => c.kind !== 'count');
		expect(hiddenInRow0).toBeGreaterThanOrEqual(2);
		expect(hiddenInColumn0.length).toBeGreaterThanOrEqual(2);
	});

	it('shows every count of a table with no small counts', () => {
		const table = suppressTable(
			[
				[6, 20],
				[0, 7]
			],
			{ rowTotals: 'shown', columnTotals: 'shown', grandTotal: 'shown' }
		);
		expect(table.cells.flat().every((c) => c.kind === 'count')).toBe(true);
		expect(table.grandTotal).toEqual(count(33));
	});

	it('follows the council threshold', () => {
		expect(suppressTable([[9, 30]], { threshold: 10 }).cells[0]).toEqual([
			{ kind: 'suppressed', below: 10 },
			withheld
		]);
	});
});

describe('suppressFigures and disclosedFigures', () => {
	const group = {
		counts: { due: 12, onTime: 9, late: 3 },
		unshown: ['late'],
		relations: [{ total: 'due', parts: ['onTime', 'late'] }]
	};

	it('names a hidden count a reader can work out, and none once suppressed', () => {
		expect(disclosedFigures(group, { due: count(12), onTime: count(9) })).toEqual(['late']);
		const shown = suppressFigures(group);
		expect(shown).toEqual({ due: count(12), onTime: withheld });
		expect(disclosedFigures(group, shown)).toEqual([]);
	});

	it('says "withheld" instead of "fewer than 3" when the labels alone would pin the counts', () => {
		// 2 reviews, each counted once in two parts: "fewer than 3" for all three would make both
		// parts 1, and so the total 2.
		const shown = suppressFigures(
			{ counts: { held: 2, a: 1, b: 1 }, relations: [{ total: 'held', parts: ['a', 'b'] }] },
			3
		);
		expect(Object.values(shown).some((c) => c.kind === 'withheld')).toBe(true);
		expect(
			disclosedFigures(
				{ counts: { held: 2, a: 1, b: 1 }, relations: [{ total: 'held', parts: ['a', 'b'] }] },
				shown,
				3
			)
		).toEqual([]);
	});

	it('builds a share only on two shown counts', () => {
		expect(shareOf(count(9), count(12))).toEqual({ kind: 'share', percent: 75 });
		expect(shareOf(withheld, count(12))).toEqual({ kind: 'withheld' });
		expect(shareOf(count(9), few)).toEqual({ kind: 'withheld' });
		expect(shareOf(count(0), count(0))).toEqual({ kind: 'withheld' });
	});
});
