import { and, gt, gte } from 'drizzle-orm';
import { lastMonths, type TemplateId, type Theme } from '$lib/domain/voice';
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
