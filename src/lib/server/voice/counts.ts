import { and, gt, gte } from 'drizzle-orm';
import {
	shareOf,
	suppressTable,
	type SuppressedRow,
	type SuppressedTable
} from '$lib/domain/suppression';
import { lastMonths, TEMPLATE_IDS, THEMES, type TemplateId, type Theme } from '$lib/domain/voice';
import type { Db } from '../db';
import { statementMonthCounts, statementThemeMonthCounts } from '../db/schema';

/**
 * How many statements there were, by template and by theme, for each of the last `months`
 * months (UK calendar months). Only counts leave this function: no name, no id, no words. They
 * come from running totals kept by triggers, so the cost does not grow with the statements.
 */
export function statementCounts(db: Db, months: number, now: Date) {
	const monthList = lastMonths(now, months);
	const byTemplate = db
		.select({
			key: statementMonthCounts.template,
			month: statementMonthCounts.month,
			count: statementMonthCounts.count
		})
		.from(statementMonthCounts)
		.where(and(gte(statementMonthCounts.month, monthList[0]), gt(statementMonthCounts.count, 0)))
		.all();
	const byTheme = db
		.select({
			key: statementThemeMonthCounts.theme,
			month: statementThemeMonthCounts.month,
			count: statementThemeMonthCounts.count
		})
		.from(statementThemeMonthCounts)
		.where(
			and(
				gte(statementThemeMonthCounts.month, monthList[0]),
				gt(statementThemeMonthCounts.count, 0)
			)
		)
		.all();
	return {
		months: monthList,
		byTemplate: byTemplate as { key: TemplateId; month: string; count: number }[],
		byTheme: byTheme as { key: Theme; month: string; count: number }[]
	};
}

/** Rows by month from counts by key and month, every key and month present (0 where none). */
function grid<K extends string>(
	keys: readonly K[],
	months: readonly string[],
	rows: readonly { key: K; month: string; count: number }[]
): number[][] {
	return keys.map((key) =>
		months.map((month) => rows.find((r) => r.key === key && r.month === month)?.count ?? 0)
	);
}

/** Rows for the Board's table, each with its share of the grand total where that is shown. */
function boardRows<K extends string>(
	keys: readonly K[],
	table: SuppressedTable
): SuppressedRow<K>[] {
	return keys.map((key, r) => {
		const total = table.rowTotals![r];
		return {
			key,
			cells: table.cells[r],
			total,
			share: table.grandTotal ? shareOf(total, table.grandTotal) : { kind: 'withheld' }
		};
	});
}

/**
 * The Board's view of `statementCounts`, through `suppressTable`. Each statement has one template,
 * so template rows add up to a grand total, which the shares give away (it is suppressed as shown);
 * a statement can carry several themes, so theme rows do not, and show no shares.
 */
export function suppressedStatementCounts(db: Db, months: number, now: Date, threshold: number) {
	const voice = statementCounts(db, months, now);
	const byTemplate = suppressTable(grid(TEMPLATE_IDS, voice.months, voice.byTemplate), {
		threshold,
		rowTotals: 'shown',
		grandTotal: 'shown'
	});
	const byTheme = suppressTable(grid(THEMES, voice.months, voice.byTheme), {
		threshold,
		rowTotals: 'shown'
	});
	return {
		months: voice.months,
		byTemplate: { rows: boardRows(TEMPLATE_IDS, byTemplate), grandTotal: byTemplate.grandTotal! },
		byTheme: { rows: boardRows(THEMES, byTheme) }
	};
}
