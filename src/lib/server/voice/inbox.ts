import { and, asc, desc, eq, exists, inArray, isNull, not, or, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { ukToday } from '$lib/domain/people';
import { minutesWaiting, type Theme } from '$lib/domain/voice';
import { seesEveryAlert, type Role } from '$lib/domain/roles';
import type { Db } from '../db';
import { statementThemes, statements, users, workerLinks } from '../db/schema';
import { activeOn } from '../people/young-people';
import { openSafetyAlerts } from './safety';

export const INBOX_LIMIT = 100;

export interface InboxFilter {
	youngPersonId?: string;
	theme?: Theme;
}

/** Unread for a worker: never opened, or the young person has written since they last looked. */
const unreadForWorker = or(
	isNull(statements.workerSeenAt),
	lt(statements.workerSeenAt, statements.lastFromYoungPersonAt)
);

function linkedYoungPeople(db: Db, staffId: string, now: Date): string[] {
	return db
		.selectDistinct({ id: workerLinks.youngPersonId })
		.from(workerLinks)
		.where(and(eq(workerLinks.staffUserId, staffId), activeOn(ukToday(now))))
		.all()
		.map((row) => row.id);
}

/**
 * The safety alerts nobody has closed that a member of staff sees at the top of their home
 * page: every one for a manager (see `seesEveryAlert`), otherwise those about the young people
 * they are linked to today. The one place this rule lives.
 */
export function alertsFor(
	db: Db,
	staff: { id: string; roles: readonly Role[] },
	now: Date,
	linkedIds?: string[]
) {
	const about = seesEveryAlert(staff.roles)
		? null
		: (linkedIds ?? linkedYoungPeople(db, staff.id, now));
	return openSafetyAlerts(db, about).map((alert) => ({
		...alert,
		waitingMinutes: minutesWaiting(alert.raisedAt, now)
	}));
}
export type StaffAlert = ReturnType<typeof alertsFor>[number];

/**
 * A worker's inbox: the safety alerts they see (`alertsFor`) first, then statements sent to
 * them, unread before read, newest first. Only young people they are linked to today count.
 */
export function workerInbox(
	db: Db,
	staffId: string,
	filter: InboxFilter,
	now: Date,
	roles: readonly Role[] = []
) {
	const linkedIds = linkedYoungPeople(db, staffId, now);
	const alerts = alertsFor(db, { id: staffId, roles }, now, linkedIds);
	if (!linkedIds.length) return { alerts, statements: [], people: [] };
	const youngPerson = alias(users, 'young_person');
	const mine = and(
		eq(statements.recipientId, staffId),
		inArray(statements.youngPersonId, linkedIds),
		filter.youngPersonId ? eq(statements.youngPersonId, filter.youngPersonId) : undefined,
		filter.theme
			? exists(
					db
						.select({ one: sql`1` })
						.from(statementThemes)
						.where(
							and(
								eq(statementThemes.statementId, statements.id),
								eq(statementThemes.theme, filter.theme)
							)
						)
				)
			: undefined
	);
	// Unread first, then the rest, newest first in each. Two reads of the index on recipient and
	// time (which also holds when the worker last looked), so a worker with years of statements
	// costs what a page of them costs: the second read stops once the page is full.
	const newest = (unread: boolean, limit: number) =>
		limit <= 0
			? []
			: db
					.select({ id: statements.id })
					.from(statements)
					.where(and(mine, unread ? unreadForWorker : not(unreadForWorker!)))
					.orderBy(desc(statements.lastFromYoungPersonAt))
					.limit(limit)
					.all()
					.map((row) => row.id);
	const unreadIds = newest(true, INBOX_LIMIT);
	const ids = [...unreadIds, ...newest(false, INBOX_LIMIT - unreadIds.length)];
	const unreadSet = new Set(unreadIds);
	const order = new Map(ids.map((id, index) => [id, index]));
	const rows = (
		ids.length
			? db
					.select({
						id: statements.id,
						template: statements.template,
						youngPersonId: statements.youngPersonId,
						name: youngPerson.displayName,
						createdAt: statements.createdAt,
						lastFromYoungPersonAt: statements.lastFromYoungPersonAt,
						answeredAt: statements.answeredAt,
						caseRecordedAt: statements.caseRecordedAt,
						language: statements.language,
						madeTogether: sql<boolean>`${statements.madeWithId} is not null`.mapWith(Boolean)
					})
					.from(statements)
					.innerJoin(youngPerson, eq(youngPerson.id, statements.youngPersonId))
					.where(inArray(statements.id, ids))
					.all()
			: []
	)
		.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
		.map((row) => ({ ...row, unread: unreadSet.has(row.id) }));
	const people = db
		.selectDistinct({ id: users.id, name: users.displayName })
		.from(users)
		.where(inArray(users.id, linkedIds))
		.orderBy(asc(users.displayName))
		.all();
	return { alerts, statements: rows, people };
}

/**
 * A manager's view: every open safety alert and every statement nobody has answered yet,
 * longest waiting first, with how long each has waited.
 */
export function teamWaiting(db: Db, now: Date) {
	const youngPerson = alias(users, 'young_person');
	const recipient = alias(users, 'recipient');
	const unanswered = db
		.select({
			id: statements.id,
			template: statements.template,
			name: youngPerson.displayName,
			recipient: recipient.displayName,
			createdAt: statements.createdAt,
			readAt: statements.readAt
		})
		.from(statements)
		.innerJoin(youngPerson, eq(youngPerson.id, statements.youngPersonId))
		.innerJoin(recipient, eq(recipient.id, statements.recipientId))
		.where(isNull(statements.answeredAt))
		.orderBy(asc(statements.createdAt))
		.limit(INBOX_LIMIT)
		.all()
		.map((row) => ({ ...row, waitingMinutes: minutesWaiting(row.createdAt, now) }));
	const alerts = openSafetyAlerts(db, null).map((alert) => ({
		...alert,
		waitingMinutes: minutesWaiting(alert.raisedAt, now)
	}));
	return { alerts, unanswered };
}

/** What a page shows of an alert in a list: no ids but the alert's own. */
export function shownAlerts(alerts: StaffAlert[]) {
	return alerts.map(({ youngPersonId: _id, ...alert }) => alert);
}
