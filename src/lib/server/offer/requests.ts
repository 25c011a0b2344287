import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Person } from '$lib/domain/offer';
import { ukToday } from '$lib/domain/people';
import type { Db } from '../db';
import { entitlements, offerRequests, users, workerLinks, youngPeople } from '../db/schema';
import { newId } from '../ids';
import { seal, sealOptional, unsealOptional } from '../crypto/seal';
import { notify } from '../notify/notify';
import { activeOn, isLinked } from '../people/young-people';
import { careRecordOf } from '../people/care-record';
import { categoryOn } from '$lib/domain/leaving-care';

/**
 * What the eligibility rules need to know about a young person; null for anyone else. Their
 * category is worked out from their record today, and on any later day for what is coming.
 */
export function offerProfile(db: Db, youngPersonId: string, today: string): Person | null {
	const row = db.select().from(youngPeople).where(eq(youngPeople.userId, youngPersonId)).get();
	const record = careRecordOf(db, youngPersonId);
	if (!row || !record) return null;
	return {
		dateOfBirth: row.dateOfBirth,
		category: categoryOn(record, today),
		categoryOn: (on) => categoryOn(record, on),
		conditions: row.conditions
	};
}

/** Who answers a young person's requests: their PA, or their social worker when they have no PA. */
export function requestHandlers(db: Db, youngPersonId: string, today: string): string[] {
	const links = db
		.select({ staffUserId: workerLinks.staffUserId, linkType: workerLinks.linkType })
		.from(workerLinks)
		.where(and(eq(workerLinks.youngPersonId, youngPersonId), activeOn(today)))
		.all();
	const pas = links.filter((link) => link.linkType === 'personal_adviser');
	const chosen = pas.length ? pas : links.filter((link) => link.linkType === 'social_worker');
	return [...new Set(chosen.map((link) => link.staffUserId))];
}

export type AskResult = { ok: true; id: string } | { ok: false; reason: 'no_pa' | 'already' };

/** "Ask my PA about this": a request the PA sees in their work list, with an optional sealed message. */
export function askAbout(
	db: Db,
	input: { youngPersonId: string; entitlementId: string; message: string | null },
	now: Date
): AskResult {
	const handlers = requestHandlers(db, input.youngPersonId, ukToday(now));
	if (!handlers.length) return { ok: false, reason: 'no_pa' };
	const open = db
		.select({ id: offerRequests.id })
		.from(offerRequests)
		.where(
			and(
				eq(offerRequests.youngPersonId, input.youngPersonId),
				eq(offerRequests.entitlementId, input.entitlementId),
				eq(offerRequests.status, 'open')
			)
		)
		.get();
	if (open) return { ok: false, reason: 'already' };
	const id = newId();
	db.insert(offerRequests)
		.values({
			id,
			youngPersonId: input.youngPersonId,
			entitlementId: input.entitlementId,
			messageSealed: sealOptional(input.message),
			status: 'open',
			createdAt: now
		})
		.run();
	notify(db, handlers, 'request_update', '/work/requests', now);
	return { ok: true, id };
}

/** A young person's own requests, newest first, with their PA's answers. */
export function myRequests(db: Db, youngPersonId: string) {
	return db
		.select({
			id: offerRequests.id,
			slug: entitlements.slug,
			title: entitlements.title,
			status: offerRequests.status,
			messageSealed: offerRequests.messageSealed,
			answerSealed: offerRequests.answerSealed,
			createdAt: offerRequests.createdAt,
			answeredAt: offerRequests.answeredAt
		})
		.from(offerRequests)
		.innerJoin(entitlements, eq(entitlements.id, offerRequests.entitlementId))
		.where(eq(offerRequests.youngPersonId, youngPersonId))
		.orderBy(desc(offerRequests.createdAt))
		.all()
		.map(({ messageSealed, answerSealed, ...row }) => ({
			...row,
			message: unsealOptional(messageSealed),
			answer: unsealOptional(answerSealed)
		}));
}

/** Requests from the young people a worker answers for today (as their PA, or social worker with no PA). */
export function requestsForWorker(db: Db, workerId: string, today: string) {
	const linked = db
		.selectDistinct({ youngPersonId: workerLinks.youngPersonId })
		.from(workerLinks)
		.where(and(eq(workerLinks.staffUserId, workerId), activeOn(today)))
		.all()
		.map((row) => row.youngPersonId)
		.filter((id) => requestHandlers(db, id, today).includes(workerId));
	if (!linked.length) return [];
	return db
		.select({
			id: offerRequests.id,
			youngPersonId: offerRequests.youngPersonId,
			name: users.displayName,
			title: entitlements.title,
			slug: entitlements.slug,
			status: offerRequests.status,
			messageSealed: offerRequests.messageSealed,
			answerSealed: offerRequests.answerSealed,
			createdAt: offerRequests.createdAt
		})
		.from(offerRequests)
		.innerJoin(users, eq(users.id, offerRequests.youngPersonId))
		.innerJoin(entitlements, eq(entitlements.id, offerRequests.entitlementId))
		.where(inArray(offerRequests.youngPersonId, linked))
		.orderBy(asc(offerRequests.status), desc(offerRequests.createdAt))
		.all()
		.map(({ messageSealed, answerSealed, ...row }) => ({
			...row,
			message: unsealOptional(messageSealed),
			answer: unsealOptional(answerSealed)
		}));
}

export type AnswerResult =
	{ ok: true } | { ok: false; reason: 'not_found' | 'not_linked' | 'answered' };

/** A worker answers: done or declined, with words for the young person, who is told. */
export function answerRequest(
	db: Db,
	workerId: string,
	input: { requestId: string; status: 'done' | 'declined'; answer: string },
	now: Date
): AnswerResult {
	const request = db
		.select({
			id: offerRequests.id,
			youngPersonId: offerRequests.youngPersonId,
			status: offerRequests.status,
			slug: entitlements.slug
		})
		.from(offerRequests)
		.innerJoin(entitlements, eq(entitlements.id, offerRequests.entitlementId))
		.where(eq(offerRequests.id, input.requestId))
		.get();
	if (!request) return { ok: false, reason: 'not_found' };
	if (!isLinked(db, workerId, request.youngPersonId, ukToday(now)))
		return { ok: false, reason: 'not_linked' };
	if (request.status !== 'open') return { ok: false, reason: 'answered' };
	db.update(offerRequests)
		.set({
			status: input.status,
			answerSealed: seal(input.answer),
			answeredBy: workerId,
			answeredAt: now
		})
		.where(eq(offerRequests.id, request.id))
		.run();
	notify(db, [request.youngPersonId], 'request_update', `/me/offer/${request.slug}`, now);
	return { ok: true };
}
