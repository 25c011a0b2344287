import { and, count, gte, sql } from 'drizzle-orm';
import { lastMonths, type TemplateId, type Theme } from '$lib/domain/voice';
import type { Db } from '../db';
import { statementThemes, statements } from '../db/schema';

/**
 * How many statements there were, by template and by theme, for each of the last `months`
 * months. Only counts leave this function: no name, no id, no words. Months are calendar
 * months in UTC, which can put a statement sent in the hour after midnight on the 1st in
 * the month before during British Summer Time.
 */
export function statementCounts(db: Db, months: number, now = new Date()) {
	const monthList = lastMonths(now, months);
	const from = new Date(`${monthList[0]}-01T00:00:00Z`);
	const month = sql<string>`strftime('%Y-%m', ${statements.createdAt} / 1000, 'unixepoch')`;
	const byTemplate = db
		.select({ key: statements.template, month, count: count() })
		.from(statements)
		.where(gte(statements.createdAt, from))
		.groupBy(statements.template, month)
		.all();
	const byTheme = db
		.select({ key: statementThemes.theme, month, count: count() })
		.from(statementThemes)
		.innerJoin(statements, sql`${statements.id} = ${statementThemes.statementId}`)
		.where(and(gte(statements.createdAt, from)))
		.groupBy(statementThemes.theme, month)
		.all();
	return {
		months: monthList,
		byTemplate: byTemplate as { key: TemplateId; month: string; count: number }[],
		byTheme: byTheme as { key: Theme; month: string; count: number }[]
	};
}
