import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Running totals by UK calendar month, kept by SQL triggers (drizzle/0008_summaries.sql) in the
// same transaction as every insert, update and delete of the rows they count. The Board's pages
// read a few hundred of these instead of grouping millions of statements on every view.
// `month` is YYYY-MM in UK time (British Summer Time included).

/** Statements sent, by month and template. */
export const statementMonthCounts = sqliteTable(
	'statement_month_counts',
	{
		month: text('month').notNull(),
		template: text('template').notNull(),
		count: integer('count').notNull()
	},
	(t) => [primaryKey({ columns: [t.month, t.template] })]
);

/** Themes on statements, by the month the statement was sent. */
export const statementThemeMonthCounts = sqliteTable(
	'statement_theme_month_counts',
	{
		month: text('month').notNull(),
		theme: text('theme').notNull(),
		count: integer('count').notNull()
	},
	(t) => [primaryKey({ columns: [t.month, t.theme] })]
);

/**
 * Held reviews of children in care, by the month they were held: on time, aged 4 and over
 * (any code but PN0), and how the child's views were given.
 */
export const reviewMonthCounts = sqliteTable('review_month_counts', {
	month: text('month').primaryKey(),
	held: integer('held').notNull(),
	onTime: integer('on_time').notNull(),
	aged4Plus: integer('aged_4_plus').notNull(),
	viewsGiven: integer('views_given').notNull(),
	attendedAndSpoke: integer('attended_and_spoke').notNull(),
	throughAdvocate: integer('through_advocate').notNull(),
	throughApp: integer('through_app').notNull()
});

/** Pledge promise ratings, by the month they were last changed, and how many said "kept". */
export const ratingMonthCounts = sqliteTable('rating_month_counts', {
	month: text('month').primaryKey(),
	rated: integer('rated').notNull(),
	kept: integer('kept').notNull()
});
