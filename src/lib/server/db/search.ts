import { or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * A condition that any of the columns contains `text`, case-insensitively (SQLite's LIKE),
 * with % and _ typed by a person taken literally.
 */
export function anyContains(columns: SQLWrapper[], text: string): SQL {
	const pattern = `%${text.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
	return or(...columns.map((column) => sql`${column} LIKE ${pattern} ESCAPE '\\'`))!;
}
