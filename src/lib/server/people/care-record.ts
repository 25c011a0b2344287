import { and, asc, eq, gte, inArray, isNull, lt, ne } from 'drizzle-orm';
import {
	careStatusOn,
	categoryOn,
	periodsProblem,
	type CarePeriod,
	type CareRecord,
	type PeriodProblem
} from '$lib/domain/leaving-care';
import type { LeavingCareCategory, LegalStatus } from '$lib/domain/people';
import type { Db, Executor } from '../db';
import { careEpisodes, forumMembers, forums, reviews, userRoles, youngPeople } from '../db/schema';
import { newId } from '../ids';
import { recordAudit } from '../audit/log';
import { sealOptional, unsealOptional } from '../crypto/seal';
import { openPlacement, sealPlacement, type Placement } from './placement';

/** A care record as stored: each period with its id (what a review belongs to). */
export type StoredCareRecord = CareRecord & {
	periods: (CarePeriod & { id: string; placementType: string | null })[];
};

/** Every young person's care record (or only these), for working out category and status. */
export function careRecords(db: Executor, ids?: string[]): Map<string, StoredCareRecord> {
	const people = db
		.select({
			id: youngPeople.userId,
			dateOfBirth: youngPeople.dateOfBirth,
			recordedStatus: youngPeople.careStatus,
			recordedCategory: youngPeople.leavingCareCategory,
			override: youngPeople.categoryOverride
		})
		.from(youngPeople)
		.where(ids ? inArray(youngPeople.userId, ids) : undefined)
		.all();
	const periods = db
		.select({
			youngPersonId: careEpisodes.youngPersonId,
			id: careEpisodes.id,
			startedOn: careEpisodes.startedOn,
			endedOn: careEpisodes.endedOn,
			legalStatus: careEpisodes.legalStatus,
			placementType: careEpisodes.placementType
		})
		.from(careEpisodes)
		.where(ids ? inArray(careEpisodes.youngPersonId, ids) : undefined)
		.orderBy(asc(careEpisodes.startedOn))
		.all();
	const records = new Map<string, StoredCareRecord>();
	for (const { id, ...person } of people) records.set(id, { ...person, periods: [] });
	for (const { youngPersonId, ...period } of periods)
		records.get(youngPersonId)?.periods.push(period);
	return records;
}

/** One young person's care record; null when there is none. */
export function careRecordOf(db: Executor, youngPersonId: string): StoredCareRecord | null {
	return careRecords(db, [youngPersonId]).get(youngPersonId) ?? null;
}

/** A young person's care status and leaving-care category on a day, worked out (never stored). */
export function careStandingOf(db: Executor, youngPersonId: string, on: string) {
	const record = careRecordOf(db, youngPersonId);
	if (!record) return null;
	return { careStatus: careStatusOn(record, on), category: categoryOn(record, on), record };
}

/** What staff see and edit of a young person's care: periods, placement, IDs, the override. */
export function careDetails(db: Db, youngPersonId: string) {
	const row = db
		.select({
			councilChildId: youngPeople.councilChildId,
			lastReviewBeforeHearthOn: youngPeople.lastReviewBeforeHearthOn,
			categoryOverride: youngPeople.categoryOverride,
			categoryOverrideReason: youngPeople.categoryOverrideReason,
			placementSealed: youngPeople.placementSealed
		})
		.from(youngPeople)
		.where(eq(youngPeople.userId, youngPersonId))
		.get();
	if (!row) return null;
	const periods = db
		.select({
			id: careEpisodes.id,
			startedOn: careEpisodes.startedOn,
			legalStatus: careEpisodes.legalStatus,
			placementType: careEpisodes.placementType,
			endedOn: careEpisodes.endedOn,
			endReason: careEpisodes.endReason
		})
		.from(careEpisodes)
		.where(eq(careEpisodes.youngPersonId, youngPersonId))
		.orderBy(asc(careEpisodes.startedOn))
		.all();
	return {
		councilChildId: row.councilChildId,
		lastReviewBeforeHearthOn: row.lastReviewBeforeHearthOn,
		categoryOverride: row.categoryOverride,
		categoryOverrideReason: unsealOptional(row.categoryOverrideReason),
		placement: openPlacement(row.placementSealed),
		periods
	};
}

/** Where a young person lives now, for staff who may open their record; null when not recorded. */
export function placementOf(db: Db, youngPersonId: string): Placement | null {
	const row = db
		.select({ sealed: youngPeople.placementSealed })
		.from(youngPeople)
		.where(eq(youngPeople.userId, youngPersonId))
		.get();
	return openPlacement(row?.sealed ?? null);
}

/** The council child IDs of these young people, for pages and exports that name them. */
export function councilChildIds(db: Db, ids: string[]): Map<string, string | null> {
	if (!ids.length) return new Map();
	return new Map(
		db
			.select({ id: youngPeople.userId, councilChildId: youngPeople.councilChildId })
			.from(youngPeople)
			.where(inArray(youngPeople.userId, ids))
			.all()
			.map((row) => [row.id, row.councilChildId])
	);
}

const audit = (
	db: Executor,
	actorId: string,
	action: Parameters<typeof recordAudit>[1]['action'],
	youngPersonId: string,
	detail: string,
	now: Date
) => recordAudit(db, { actorId, action, subjectUserId: youngPersonId, detail }, now);

/** Set the council's child ID; refused when another child has it already. */
export function setCouncilChildId(
	db: Db,
	actorId: string,
	youngPersonId: string,
	councilChildId: string | null,
	now: Date
): { ok: true } | { ok: false; why: 'taken' } {
	return db.transaction((tx) => {
		if (councilChildId && councilChildIdTaken(tx, councilChildId, youngPersonId))
			return { ok: false as const, why: 'taken' as const };
		tx.update(youngPeople)
			.set({ councilChildId })
			.where(eq(youngPeople.userId, youngPersonId))
			.run();
		audit(tx, actorId, 'young_person.updated', youngPersonId, 'council child ID', now);
		return { ok: true as const };
	});
}

/** Whether another young person already has this council child ID. */
export function councilChildIdTaken(db: Executor, councilChildId: string, exceptId?: string) {
	return !!db
		.select({ id: youngPeople.userId })
		.from(youngPeople)
		.where(
			and(
				eq(youngPeople.councilChildId, councilChildId),
				exceptId ? ne(youngPeople.userId, exceptId) : undefined
			)
		)
		.get();
}

/** A period of care as a form gives it: the end date and reason come together or not at all. */
export interface PeriodInput {
	startedOn: string;
	legalStatus: LegalStatus | null;
	placementType: string | null;
	endedOn: string | null;
	endReason: string | null;
}

export type PeriodResult = { ok: true; id: string } | { ok: false; why: PeriodProblem };

/**
 * Add a period of care, or change one (`periodId`): refused when the child's periods would no
 * longer make sense (periodsProblem). Audited with the dates and codes, never the placement.
 */
export function saveCarePeriod(
	db: Db,
	actorId: string,
	youngPersonId: string,
	periodId: string | null,
	input: PeriodInput,
	now: Date
): PeriodResult | { ok: false; why: 'not_found' } {
	return db.transaction((tx) => {
		const existing = tx
			.select()
			.from(careEpisodes)
			.where(eq(careEpisodes.youngPersonId, youngPersonId))
			.all();
		if (periodId && !existing.some((period) => period.id === periodId))
			return { ok: false as const, why: 'not_found' as const };
		const after: CarePeriod[] = [
			...existing.filter((period) => period.id !== periodId),
			{ startedOn: input.startedOn, endedOn: input.endedOn, legalStatus: input.legalStatus }
		];
		const problem = periodsProblem(after);
		if (problem) return { ok: false as const, why: problem };
		const id = periodId ?? newId();
		if (periodId) tx.update(careEpisodes).set(input).where(eq(careEpisodes.id, periodId)).run();
		else
			tx.insert(careEpisodes)
				.values({ id, youngPersonId, ...input, createdAt: now })
				.run();
		// Reviews held in Hearth before the child's periods were entered belong to no period yet:
		// those held within this one join it, so its schedule counts them (reg 33).
		tx.update(reviews)
			.set({ episodeId: id })
			.where(
				and(
					eq(reviews.youngPersonId, youngPersonId),
					eq(reviews.kind, 'child_in_care'),
					isNull(reviews.episodeId),
					gte(reviews.heldOn, input.startedOn),
					input.endedOn ? lt(reviews.heldOn, input.endedOn) : undefined
				)
			)
			.run();
		const detail = [
			input.startedOn,
			input.legalStatus ?? '-',
			input.placementType ?? '-',
			input.endedOn ? `ended ${input.endedOn} ${input.endReason ?? ''}`.trim() : 'open'
		].join(' ');
		audit(
			tx,
			actorId,
			periodId ? 'care_period.changed' : 'care_period.added',
			youngPersonId,
			detail,
			now
		);
		return { ok: true as const, id };
	});
}

/** Record where the young person lives now (sealed), or clear it. */
export function setPlacement(
	db: Db,
	actorId: string,
	youngPersonId: string,
	placement: Placement | null,
	now: Date
): void {
	db.transaction((tx) => {
		tx.update(youngPeople)
			.set({ placementSealed: placement ? sealPlacement(placement) : null })
			.where(eq(youngPeople.userId, youngPersonId))
			.run();
		// The address is not written to the log: the log says only that it changed.
		audit(tx, actorId, 'placement.changed', youngPersonId, placement ? 'changed' : 'cleared', now);
	});
}

/** Record the last review held before Hearth, for a child already in care when it came. */
export function setLastReviewBeforeHearth(
	db: Db,
	actorId: string,
	youngPersonId: string,
	heldOn: string | null,
	now: Date
): void {
	db.transaction((tx) => {
		tx.update(youngPeople)
			.set({ lastReviewBeforeHearthOn: heldOn })
			.where(eq(youngPeople.userId, youngPersonId))
			.run();
		audit(
			tx,
			actorId,
			'young_person.updated',
			youngPersonId,
			`last review before Hearth ${heldOn ?? 'cleared'}`,
			now
		);
	});
}

/** An officer's override of the derived category, with its reason (sealed); null clears it. */
export function setCategoryOverride(
	db: Db,
	actorId: string,
	youngPersonId: string,
	override: { category: LeavingCareCategory; reason: string } | null,
	now: Date
): void {
	db.transaction((tx) => {
		tx.update(youngPeople)
			.set({
				categoryOverride: override?.category ?? null,
				categoryOverrideReason: sealOptional(override?.reason)
			})
			.where(eq(youngPeople.userId, youngPersonId))
			.run();
		audit(tx, actorId, 'category.overridden', youngPersonId, override?.category ?? 'cleared', now);
	});
}

/** The forums, with whether this young person is a member of each. */
export function forumsOf(db: Db, youngPersonId: string) {
	const mine = new Set(
		db
			.select({ forumId: forumMembers.forumId })
			.from(forumMembers)
			.where(eq(forumMembers.userId, youngPersonId))
			.all()
			.map((row) => row.forumId)
	);
	return db
		.select({ id: forums.id, name: forums.name })
		.from(forums)
		.orderBy(asc(forums.name))
		.all()
		.map((forum) => ({ ...forum, member: mine.has(forum.id) }));
}

/**
 * Add a young person to a forum or take them off it. Their forum_member role follows: they hold
 * it while they sit on at least one forum, so the forum's pages open for them.
 */
export function setForumMembership(
	db: Db,
	actorId: string,
	youngPersonId: string,
	forumId: string,
	member: boolean,
	now: Date
): boolean {
	return db.transaction((tx) => {
		if (!tx.select({ id: forums.id }).from(forums).where(eq(forums.id, forumId)).get())
			return false;
		if (member)
			tx.insert(forumMembers)
				.values({ forumId, userId: youngPersonId })
				.onConflictDoNothing()
				.run();
		else
			tx.delete(forumMembers)
				.where(and(eq(forumMembers.forumId, forumId), eq(forumMembers.userId, youngPersonId)))
				.run();
		const sitsOnAny = !!tx
			.select({ forumId: forumMembers.forumId })
			.from(forumMembers)
			.where(eq(forumMembers.userId, youngPersonId))
			.get();
		if (sitsOnAny)
			tx.insert(userRoles)
				.values({ userId: youngPersonId, role: 'forum_member' })
				.onConflictDoNothing()
				.run();
		else
			tx.delete(userRoles)
				.where(and(eq(userRoles.userId, youngPersonId), eq(userRoles.role, 'forum_member')))
				.run();
		audit(
			tx,
			actorId,
			member ? 'forum_member.added' : 'forum_member.removed',
			youngPersonId,
			forumId,
			now
		);
		return true;
	});
}
