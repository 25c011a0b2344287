import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { NOTICE_KINDS } from '../../../domain/notices';
import { users } from './accounts';

/** An in-app notice: a kind and a link, nothing personal. */
export const notices = sqliteTable(
	'notices',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
		link: text('link').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('notices_user_created_idx').on(t.userId, t.createdAt),
		index('notices_user_unread_idx').on(t.userId, t.readAt)
	]
);
export type Notice = typeof notices.$inferSelect;
export type NewNotice = typeof notices.$inferInsert;

/** A device that asked for Web Push. The keys are the browser's public ones, not secrets of ours. */
export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull().unique(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		deviceLabel: text('device_label').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastSuccessAt: integer('last_success_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('push_subscriptions_user_idx').on(t.userId)]
);
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/** How someone wants to be told. No row means the defaults (see notify/preferences.ts). */
export const noticePreferences = sqliteTable('notice_preferences', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	pushEnabled: integer('push_enabled', { mode: 'boolean' }).notNull(),
	quietStart: text('quiet_start'),
	quietEnd: text('quiet_end'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
export type NoticePreferences = typeof noticePreferences.$inferSelect;
