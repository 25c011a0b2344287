import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DEFAULT_ALERT_MINUTES } from '../../../domain/voice';

/** The one council this Hearth serves: a single row with id 1. */
export const councilSettings = sqliteTable('council_settings', {
	id: integer('id').primaryKey(),
	name: text('name').notNull(),
	primaryColour: text('primary_colour').notNull(),
	accentColour: text('accent_colour').notNull(),
	phone: text('phone'),
	outOfHoursPhone: text('out_of_hours_phone'),
	email: text('email'),
	logoFile: text('logo_file'),
	quickExitUrl: text('quick_exit_url').notNull(),
	/** Minutes before an unacknowledged safety alert goes to every manager. */
	alertMinutes: integer('alert_minutes').notNull().default(DEFAULT_ALERT_MINUTES),
	/** Counts below this are shown to the Board as "fewer than N". */
	smallNumberThreshold: integer('small_number_threshold').notNull().default(6),
	/** The Board member who chairs the Board: they may update any action. */
	boardChairId: text('board_chair_id'),
	/** Staff are signed out after this many minutes without using Hearth. */
	staffIdleMinutes: integer('staff_idle_minutes').notNull().default(30),
	/** And after this many hours however busy they are. */
	staffSessionHours: integer('staff_session_hours').notNull().default(12),
	/** Admins and managers must give a second factor (an authenticator app code) to sign in. */
	requireSecondFactor: integer('require_second_factor', { mode: 'boolean' })
		.notNull()
		.default(false),
	/** Months a young person's words are kept after their account closes or they turn 25. */
	retentionMonths: integer('retention_months').notNull().default(24),
	/** The advocacy service young people are put in touch with ("I want an advocate"). */
	advocacyName: text('advocacy_name'),
	advocacyPhone: text('advocacy_phone'),
	advocacyEmail: text('advocacy_email'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
export type CouncilSettings = typeof councilSettings.$inferSelect;
export type NewCouncilSettings = typeof councilSettings.$inferInsert;
