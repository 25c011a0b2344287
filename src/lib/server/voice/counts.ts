import { and, gt, gte } from 'drizzle-orm';
import { suppressedTable } from '$lib/domain/suppression';
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

/**
 * The Board's view of `statementCounts`: each table small-number suppressed. Each statement has
 * one template, so template rows add up to the month's total (and a hidden cell could be worked
 * out from it); a statement can carry several themes, so theme rows do not, and show no shares.
 */
export function suppressedStatementCounts(db: Db, months: number, now: Date, threshold: number) {
	const voice = statementCounts(db, months, now);
	const column = <K extends string>(rows: { key: K; month: string; count: number }[]) =>
		rows.map((row) => ({ key: row.key, column: row.month, count: row.count }));
	return {
		months: voice.months,
		byTemplate: suppressedTable(TEMPLATE_IDS, voice.months, column(voice.byTemplate), {
			threshold,
			rowsAddUp: true
		}),
		byTheme: suppressedTable(THEMES, voice.months, column(voice.byTheme), {
			threshold,
			rowsAddUp: false
		})
	};
}
