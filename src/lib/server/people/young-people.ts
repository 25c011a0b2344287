import { and, asc, eq, gt, isNotNull, isNull, lte, or, inArray, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import {
	ageOn,
	isLinkActiveOn,
	ukToday,
	type CareStatus,
	type LeavingCareCategory,
	type LinkType
} from '$lib/domain/people';
import type { Condition } from '$lib/domain/offer';
import type { Role } from '$lib/domain/roles';
import type { Db, Executor } from '../db';
import { userRoles, users, workerLinks, youngPeople } from '../db/schema';
import { newId } from '../ids';
import { recordAudit } from '../audit/log';
import { careStatusOn, categoryOn, type CareRecord } from '$lib/domain/leaving-care';
import type { LegalStatus } from '$lib/domain/people';
import { careEpisodes } from '../db/schema';
import { careRecords } from './care-record';

/** Care status and category on a day, worked out from the record (never read from a column). */
function standing(record: CareRecord | undefined, today: string) {
	if (!record) return { careStatus: 'care_leaver' as const, category: 'none' as const };
	return { careStatus: careStatusOn(record, today), category: categoryOn(record, today) };
}

/** Links that count on `today`, as a SQL condition. */
export function activeOn(today: string) {
	return and(
		lte(workerLinks.startsOn, today),
		or(isNull(workerLinks.endsOn), gt(workerLinks.endsOn, today))
	);
}

/** Whether there is a young person with this id (a made-up id in an address has none). */
export function youngPersonExists(db: Db, youngPersonId: string): boolean {
	return !!db
		.select({ id: youngPeople.userId })
		.from(youngPeople)
		.where(eq(youngPeople.userId, youngPersonId))
		.get();
}

/** Whether a member of staff is linked to a young person today. */
export function isLinked(
	db: Db,
	staffUserId: string,
	youngPersonId: string,
	today: string
): boolean {
	return !!db
		.select({ id: workerLinks.id })
		.from(workerLinks)
		.where(
			and(
				eq(workerLinks.staffUserId, staffUserId),
				eq(workerLinks.youngPersonId, youngPersonId),
				activeOn(today)
			)
		)
		.get();
}

/** The young people a member of staff is linked to today, by name. */
export function youngPeopleLinkedTo(db: Db, staffUserId: string, today: string) {
	const rows = db
		.select({
			id: users.id,
			name: users.displayName,
			dateOfBirth: youngPeople.dateOfBirth,
			councilChildId: youngPeople.councilChildId,
			linkType: workerLinks.linkType
		})
		.from(workerLinks)
		.innerJoin(youngPeople, eq(youngPeople.userId, workerLinks.youngPersonId))
		.innerJoin(users, eq(users.id, youngPeople.userId))
		.where(and(eq(workerLinks.staffUserId, staffUserId), activeOn(today)))
		.orderBy(asc(users.displayName))
		.all();
	const records = careRecords(
		db,
		rows.map((row) => row.id)
	);
	return rows.map((row) => ({
		...row,
		careStatus: standing(records.get(row.id), today).careStatus,
		age: ageOn(row.dateOfBirth, today)
	}));
}

/** One young person's record for staff, with every link past and present. Null when there is none. */
export function youngPersonRecord(db: Db, youngPersonId: string, today: string) {
	const person = db
		.select({
			id: users.id,
			name: users.displayName,
			username: users.username,
			dateOfBirth: youngPeople.dateOfBirth,
			conditions: youngPeople.conditions
		})
		.from(youngPeople)
		.innerJoin(users, eq(users.id, youngPeople.userId))
		.where(eq(youngPeople.userId, youngPersonId))
		.get();
	if (!person) return null;
	const links = db
		.select({
			id: workerLinks.id,
			staffUserId: workerLinks.staffUserId,
			staffName: users.displayName,
			linkType: workerLinks.linkType,
			startsOn: workerLinks.startsOn,
			endsOn: workerLinks.endsOn
		})
		.from(workerLinks)
		.innerJoin(users, eq(users.id, workerLinks.staffUserId))
		.where(eq(workerLinks.youngPersonId, youngPersonId))
		.orderBy(asc(workerLinks.startsOn))
		.all()
		.map((link) => ({ ...link, active: isLinkActiveOn(link, today) }));
	const record = careRecords(db, [youngPersonId]).get(youngPersonId);
	return {
		...person,
		...standing(record, today),
		age: ageOn(person.dateOfBirth, today),
		links
	};
}

/** The workers a young person can see are theirs today: names and what they do, nothing else. */
export function myWorkers(db: Db, youngPersonId: string, today: string) {
	return prepared(db, 'my-workers', (db) =>
		db
			.select({ name: users.displayName, linkType: workerLinks.linkType })
			.from(workerLinks)
			.innerJoin(users, eq(users.id, workerLinks.staffUserId))
			.where(
				and(
					eq(workerLinks.youngPersonId, sql.placeholder('youngPersonId')),
					lte(workerLinks.startsOn, sql.placeholder('today')),
					or(isNull(workerLinks.endsOn), gt(workerLinks.endsOn, sql.placeholder('today')))
				)
			)
			.orderBy(asc(workerLinks.linkType), asc(users.displayName))
			.prepare()
	).all({ youngPersonId, today });
}

/** Staff holding any of these roles, for choosing who to link. */
export function staffWithRoles(db: Db, roles: Role[]) {
	return db
		.selectDistinct({ id: users.id, name: users.displayName })
		.from(users)
		.innerJoin(userRoles, eq(userRoles.userId, users.id))
		.where(and(inArray(userRoles.role, roles), isNull(users.disabledAt)))
		.orderBy(asc(users.displayName))
		.all();
}

export function addLink(
	db: Db,
	actorId: string,
	link: { youngPersonId: string; staffUserId: string; linkType: LinkType; startsOn: string },
	now: Date
): void {
	db.transaction((tx) => {
		tx.insert(workerLinks)
			.values({ id: newId(), ...link, createdAt: now })
			.run();
		recordAudit(
			tx,
			{ actorId, action: 'link.added', subjectUserId: link.youngPersonId, detail: link.linkType },
			now
		);
	});
}

/** End a link: from `endsOn` on, it no longer counts. Ending it today takes effect at once. */
export function endLink(
	db: Db,
	actorId: string,
	linkId: string,
	endsOn: string,
	now: Date
): boolean {
	return db.transaction((tx) => {
		const link = tx.select().from(workerLinks).where(eq(workerLinks.id, linkId)).get();
		if (!link || link.endsOn) return false;
		tx.update(workerLinks)
			.set({ endsOn: endsOn < link.startsOn ? link.startsOn : endsOn })
			.where(eq(workerLinks.id, linkId))
			.run();
		recordAudit(
			tx,
			{ actorId, action: 'link.ended', subjectUserId: link.youngPersonId, detail: link.linkType },
			now
		);
		return true;
	});
}

/**
 * How many young people there are by care status today, for aggregates only: worked out from
 * each one's periods of care (a child's status changes by itself on the 18th birthday).
 */
export function countYoungPeopleByStatus(db: Db, today: string) {
	const disabled = new Set(
		db
			.select({ id: users.id })
			.from(users)
			.where(isNotNull(users.disabledAt))
			.all()
			.map((row) => row.id)
	);
	let inCare = 0;
	let careLeavers = 0;
	for (const [id, record] of careRecords(db)) {
		if (disabled.has(id)) continue;
		if (careStatusOn(record, today) === 'in_care') inCare += 1;
		else careLeavers += 1;
	}
	return { inCare, careLeavers };
}

/** Record a young person's profile and their first links, inside the caller's transaction. */
export function insertYoungPerson(
	db: Executor,
	profile: {
		userId: string;
		dateOfBirth: string;
		careStatus: CareStatus;
		leavingCareCategory: LeavingCareCategory;
		conditions?: Condition[];
		councilChildId?: string | null;
		/** The period of care they are in, when in care: their reviews are due from its start. */
		firstPeriod?: { startedOn: string; legalStatus: LegalStatus } | null;
		links: { staffUserId: string; linkType: LinkType }[];
	},
	now: Date
): void {
	const { links, firstPeriod, ...person } = profile;
	db.insert(youngPeople)
		.values({ ...person, createdAt: now })
		.run();
	if (firstPeriod)
		db.insert(careEpisodes)
			.values({ id: newId(), youngPersonId: profile.userId, ...firstPeriod, createdAt: now })
			.run();
	const startsOn = ukToday(now);
	for (const link of links) {
		db.insert(workerLinks)
			.values({ id: newId(), youngPersonId: profile.userId, ...link, startsOn, createdAt: now })
			.run();
	}
}

/** Every young person, for managers' oversight. */
export function allYoungPeople(db: Db, today: string) {
	const records = careRecords(db);
	return db
		.select({
			id: users.id,
			name: users.displayName,
			dateOfBirth: youngPeople.dateOfBirth,
			councilChildId: youngPeople.councilChildId
		})
		.from(youngPeople)
		.innerJoin(users, eq(users.id, youngPeople.userId))
		.orderBy(asc(users.displayName))
		.all()
		.map((row) => ({
			...row,
			careStatus: standing(records.get(row.id), today).careStatus,
			age: ageOn(row.dateOfBirth, today),
			linkType: null
		}));
}

/** Record a young person's situation for the Local Offer (a linked worker's change, audited). */
export function setConditions(
	db: Db,
	actorId: string,
	youngPersonId: string,
	conditions: Condition[],
	now: Date
): void {
	db.transaction((tx) => {
		tx.update(youngPeople).set({ conditions }).where(eq(youngPeople.userId, youngPersonId)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'young_person.updated',
				subjectUserId: youngPersonId,
				detail: conditions.join(', ') || 'none'
			},
			now
		);
	});
}

/**
 * Every young person whose account is on, with what the Local Offer rules need: their category
 * today worked out from their record, and on any later day (for what is coming).
 */
export function activeYoungPeopleProfiles(db: Db, today: string) {
	const records = careRecords(db);
	return db
		.select({
			userId: youngPeople.userId,
			dateOfBirth: youngPeople.dateOfBirth,
			conditions: youngPeople.conditions
		})
		.from(youngPeople)
		.innerJoin(users, eq(users.id, youngPeople.userId))
		.where(isNull(users.disabledAt))
		.all()
		.flatMap((row) => {
			const record = records.get(row.userId);
			if (!record) return [];
			return [
				{
					...row,
					category: categoryOn(record, today),
					categoryOn: (on: string) => categoryOn(record, on)
				}
			];
		});
}

/** The Board's members, for choosing its chair (who must be one of them). */
export function boardMembers(db: Db) {
	return staffWithRoles(db, ['board_member']);
}
