import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { notices } from '../db/schema';

export function unreadCount(db: Db, userId: string): number {
	return (
		prepared(db, 'unread-notices', (db) =>
			db
				.select({ count: sql<number>`count(*)` })
				.from(notices)
				.where(and(eq(notices.userId, sql.placeholder('userId')), isNull(notices.readAt)))
				.prepare()
		).get({ userId })?.count ?? 0
	);
}

/** This person's latest notices, newest first. */
export function noticesFor(db: Db, userId: string, limit = 50) {
	return db
		.select({
			id: notices.id,
			kind: notices.kind,
			link: notices.link,
			createdAt: notices.createdAt,
			readAt: notices.readAt
		})
		.from(notices)
		.where(eq(notices.userId, userId))
		.orderBy(desc(notices.createdAt))
		.limit(limit)
		.all();
}

/** Mark one of this person's notices read; returns its link, or null when it is not theirs. */
export function markNoticeRead(db: Db, userId: string, noticeId: string, now: Date): string | null {
	const row = db
		.select({ link: notices.link, readAt: notices.readAt })
		.from(notices)
		.where(and(eq(notices.id, noticeId), eq(notices.userId, userId)))
		.get();
	if (!row) return null;
	if (!row.readAt) db.update(notices).set({ readAt: now }).where(eq(notices.id, noticeId)).run();
	return row.link;
}

export function markAllNoticesRead(db: Db, userId: string, now: Date): number {
	return db
		.update(notices)
		.set({ readAt: now })
		.where(and(eq(notices.userId, userId), isNull(notices.readAt)))
		.run().changes;
}
