import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { LinkType } from '$lib/domain/people';
import { RECIPIENT_LINK_TYPES } from '$lib/domain/voice';
import type { Db, Executor } from '../db';
import { managerDuty, userRoles, users, workerLinks } from '../db/schema';
import { activeOn } from '../people/young-people';
import { recordAudit } from '../audit/log';

/** The workers a young person may send a statement to today: id, name and what they do. */
export function statementRecipients(db: Executor, youngPersonId: string, today: string) {
	return db
		.selectDistinct({ id: users.id, name: users.displayName, linkType: workerLinks.linkType })
		.from(workerLinks)
		.innerJoin(users, eq(users.id, workerLinks.staffUserId))
		.where(
			and(
				eq(workerLinks.youngPersonId, youngPersonId),
				inArray(workerLinks.linkType, [...RECIPIENT_LINK_TYPES]),
				isNull(users.disabledAt),
				activeOn(today)
			)
		)
		.orderBy(asc(workerLinks.linkType), asc(users.displayName))
		.all();
}

/** Link types told at once when a young person feels unsafe. */
const SAFETY_LINK_TYPES: readonly LinkType[] = [
	'social_worker',
	'personal_adviser',
	'supervising_social_worker'
];

/** The workers who must hear at once when a young person says they feel unsafe. */
export function safetyContacts(db: Executor, youngPersonId: string, today: string): string[] {
	return statementRecipients(db, youngPersonId, today)
		.filter((worker) => SAFETY_LINK_TYPES.includes(worker.linkType))
		.map((worker) => worker.id);
}

/**
 * Who a duty manager rings about a young person: their social worker, PA or supervising social
 * worker today, with the work phone each has given (null when Hearth holds none).
 */
export function alertContacts(db: Executor, youngPersonId: string, today: string) {
	return db
		.selectDistinct({
			id: users.id,
			name: users.displayName,
			linkType: workerLinks.linkType,
			workPhone: users.workPhone
		})
		.from(workerLinks)
		.innerJoin(users, eq(users.id, workerLinks.staffUserId))
		.where(
			and(
				eq(workerLinks.youngPersonId, youngPersonId),
				inArray(workerLinks.linkType, [...SAFETY_LINK_TYPES]),
				isNull(users.disabledAt),
				activeOn(today)
			)
		)
		.orderBy(asc(workerLinks.linkType), asc(users.displayName))
		.all();
}

/** A member of staff's work phone, set by them or by an admin (null clears it). Audited. */
export function setWorkPhone(
	db: Db,
	actorId: string,
	staffId: string,
	workPhone: string | null,
	now: Date
): void {
	db.transaction((tx) => {
		tx.update(users).set({ workPhone }).where(eq(users.id, staffId)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'work_phone.changed',
				subjectUserId: staffId,
				detail: workPhone ? 'set' : 'cleared'
			},
			now
		);
	});
}

/** A member of staff's own work phone. */
export function workPhoneOf(db: Executor, staffId: string): string | null {
	return (
		db.select({ workPhone: users.workPhone }).from(users).where(eq(users.id, staffId)).get()
			?.workPhone ?? null
	);
}

/** Every manager whose account is on, with whether they are on duty now. */
export function managers(db: Executor) {
	return db
		.select({ id: users.id, name: users.displayName, onDuty: managerDuty.onDuty })
		.from(users)
		.innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'manager')))
		.leftJoin(managerDuty, eq(managerDuty.userId, users.id))
		.where(isNull(users.disabledAt))
		.orderBy(asc(users.displayName))
		.all()
		.map((row) => ({ ...row, onDuty: row.onDuty ?? false }));
}

/** Managers on duty now; every manager when nobody is, so an alert always reaches someone in charge. */
export function dutyManagers(db: Executor): { id: string; onDuty: boolean }[] {
	const all = managers(db);
	const onDuty = all.filter((manager) => manager.onDuty);
	return onDuty.length ? onDuty : all;
}

export function isOnDuty(db: Db, managerId: string): boolean {
	return (
		db.select().from(managerDuty).where(eq(managerDuty.userId, managerId)).get()?.onDuty ?? false
	);
}

/** A manager goes on or off duty. */
export function setDuty(db: Db, managerId: string, onDuty: boolean, now: Date): void {
	db.transaction((tx) => {
		tx.insert(managerDuty)
			.values({ userId: managerId, onDuty, changedAt: now })
			.onConflictDoUpdate({ target: managerDuty.userId, set: { onDuty, changedAt: now } })
			.run();
		recordAudit(
			tx,
			{ actorId: managerId, action: 'duty.changed', detail: onDuty ? 'on' : 'off' },
			now
		);
	});
}
