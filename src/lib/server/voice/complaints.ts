import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { agreesToShareWithAdvocacy, complaintClock, wantsToComplain } from '$lib/domain/complaints';
import { ukToday } from '$lib/domain/people';
import { ROLES, can } from '$lib/domain/roles';
import type { Answers } from '$lib/domain/voice';
import type { Db, Executor } from '../db';
import { advocacyRequests, complaints, statements, userRoles, users } from '../db/schema';
import { newId } from '../ids';
import { seal, unseal } from '../crypto/seal';
import { notify } from '../notify/notify';

/** The roles that handle complaints, asked of the capability table rather than listed. */
const HANDLER_ROLES = ROLES.filter((role) => can([role], 'handleComplaints'));

/** Everyone who handles complaints today (the complaints manager, and any deputy given the role). */
export function complaintHandlers(db: Executor): string[] {
	return db
		.selectDistinct({ id: users.id })
		.from(users)
		.innerJoin(userRoles, eq(userRoles.userId, users.id))
		.where(and(inArray(userRoles.role, HANDLER_ROLES), isNull(users.disabledAt)))
		.all()
		.map((row) => row.id);
}

/**
 * What "I want to complain or have an advocate" starts, in the statement's own transaction: a
 * complaint on the stage-1 clock, and (with the young person's yes) a request to pass on to the
 * advocacy service. The complaints manager is told of each; the worker the young person chose
 * has the statement as before. No email or SMS: a notice names only its kind and a link.
 */
export function openComplaintAndAdvocacy(
	tx: Executor,
	input: { statementId: string; youngPersonId: string; answers: Answers },
	now: Date
): void {
	const handlers = complaintHandlers(tx);
	if (wantsToComplain(input.answers)) {
		const id = newId();
		tx.insert(complaints)
			.values({
				id,
				statementId: input.statementId,
				youngPersonId: input.youngPersonId,
				receivedOn: ukToday(now),
				createdAt: now
			})
			.run();
		notify(tx, handlers, 'complaint_received', `/work/complaints/${id}`, now);
	}
	if (agreesToShareWithAdvocacy(input.answers)) {
		tx.insert(advocacyRequests)
			.values({
				id: newId(),
				statementId: input.statementId,
				youngPersonId: input.youngPersonId,
				createdAt: now
			})
			.run();
		notify(tx, handlers, 'advocacy_request', '/work/complaints#advocacy', now);
	}
}

const clockOf = (
	row: { receivedOn: string; extendedAt: Date | null; answeredOn: string | null },
	today: string
) =>
	complaintClock(
		{ receivedOn: row.receivedOn, extended: !!row.extendedAt, answeredOn: row.answeredOn },
		today
	);

/**
 * The complaints manager's list: every complaint not yet answered, soonest due first (overdue at
 * the top), then the 20 answered most recently. Names, dates and the clock; no words.
 */
export function complaintsInbox(db: Db, today: string, limit = 200) {
	const youngPerson = alias(users, 'young_person');
	const select = () =>
		db
			.select({
				id: complaints.id,
				name: youngPerson.displayName,
				receivedOn: complaints.receivedOn,
				extendedAt: complaints.extendedAt,
				answeredOn: complaints.answeredOn
			})
			.from(complaints)
			.innerJoin(youngPerson, eq(youngPerson.id, complaints.youngPersonId));
	const open = select()
		.where(isNull(complaints.answeredAt))
		.orderBy(asc(complaints.receivedOn))
		.limit(limit)
		.all()
		.map((row) => ({ ...row, clock: clockOf(row, today) }))
		.sort((a, b) => a.clock.dueOn.localeCompare(b.clock.dueOn));
	const answered = select()
		.where(isNotNull(complaints.answeredAt))
		.orderBy(desc(complaints.answeredAt))
		.limit(20)
		.all()
		.map((row) => ({ ...row, clock: clockOf(row, today) }));
	return {
		open: open.map(({ extendedAt: _e, ...row }) => row),
		answered: answered.map(({ extendedAt: _e, ...row }) => row)
	};
}

/** One complaint with the young person's words, the clock, the extension and the answer. Null when none. */
export function complaintDetail(db: Db, complaintId: string, today: string) {
	const youngPerson = alias(users, 'young_person');
	const worker = alias(users, 'worker');
	const extendedBy = alias(users, 'extended_by');
	const answeredBy = alias(users, 'answered_by');
	const row = db
		.select({
			id: complaints.id,
			statementId: complaints.statementId,
			youngPersonId: complaints.youngPersonId,
			name: youngPerson.displayName,
			workerName: worker.displayName,
			answersSealed: statements.answersSealed,
			receivedOn: complaints.receivedOn,
			extendedAt: complaints.extendedAt,
			extendedBy: extendedBy.displayName,
			extensionReasonSealed: complaints.extensionReasonSealed,
			answeredAt: complaints.answeredAt,
			answeredOn: complaints.answeredOn,
			answeredBy: answeredBy.displayName,
			answerSealed: complaints.answerSealed
		})
		.from(complaints)
		.innerJoin(statements, eq(statements.id, complaints.statementId))
		.innerJoin(youngPerson, eq(youngPerson.id, complaints.youngPersonId))
		.innerJoin(worker, eq(worker.id, statements.recipientId))
		.leftJoin(extendedBy, eq(extendedBy.id, complaints.extendedById))
		.leftJoin(answeredBy, eq(answeredBy.id, complaints.answeredById))
		.where(eq(complaints.id, complaintId))
		.get();
	if (!row) return null;
	const { answersSealed, extensionReasonSealed, answerSealed, ...complaint } = row;
	return {
		...complaint,
		answers: JSON.parse(unseal(answersSealed)) as Answers,
		extensionReason: extensionReasonSealed ? unseal(extensionReasonSealed) : null,
		answer: answerSealed ? unseal(answerSealed) : null,
		clock: clockOf(row, today)
	};
}

/** The young person a complaint is about, or null when there is no such complaint. */
export function complaintOwner(db: Executor, complaintId: string): string | null {
	return (
		db
			.select({ youngPersonId: complaints.youngPersonId })
			.from(complaints)
			.where(eq(complaints.id, complaintId))
			.get()?.youngPersonId ?? null
	);
}

export type ComplaintStep = { ok: true } | { ok: false; reason: 'answered' | 'extended' };

/**
 * Take the extra 10 working days stage 1 allows (20 in all), with the reason. Once only, and not
 * after the answer. The young person's page shows the new day.
 */
export function extendComplaint(
	db: Db,
	input: { complaintId: string; byId: string; reason: string },
	now: Date
): ComplaintStep {
	return db.transaction((tx) => {
		const row = tx.select().from(complaints).where(eq(complaints.id, input.complaintId)).get();
		if (!row) throw new Error('No such complaint');
		if (row.answeredAt) return { ok: false as const, reason: 'answered' as const };
		if (row.extendedAt) return { ok: false as const, reason: 'extended' as const };
		tx.update(complaints)
			.set({
				extendedAt: now,
				extendedById: input.byId,
				extensionReasonSealed: seal(input.reason)
			})
			.where(eq(complaints.id, input.complaintId))
			.run();
		notify(tx, [row.youngPersonId], 'complaint_update', `/me/messages/${row.statementId}`, now);
		return { ok: true as const };
	});
}

/**
 * The stage-1 answer: what the council says about the complaint, in words the young person reads
 * on their message page. Once only: a later answer is stage 2's, outside Hearth for now.
 */
export function answerComplaint(
	db: Db,
	input: { complaintId: string; byId: string; answer: string },
	now: Date
): ComplaintStep {
	return db.transaction((tx) => {
		const row = tx.select().from(complaints).where(eq(complaints.id, input.complaintId)).get();
		if (!row) throw new Error('No such complaint');
		if (row.answeredAt) return { ok: false as const, reason: 'answered' as const };
		tx.update(complaints)
			.set({
				answeredAt: now,
				answeredOn: ukToday(now),
				answeredById: input.byId,
				answerSealed: seal(input.answer)
			})
			.where(eq(complaints.id, input.complaintId))
			.run();
		notify(tx, [row.youngPersonId], 'complaint_update', `/me/messages/${row.statementId}`, now);
		return { ok: true as const };
	});
}

/**
 * What the young person reads about their own complaint and advocate request on the statement's
 * page: when to expect an answer, and the answer once given. The caller has checked the
 * statement is theirs.
 */
export function complaintForYoungPerson(db: Db, statementId: string, today: string) {
	const complaint = db
		.select({
			receivedOn: complaints.receivedOn,
			extendedAt: complaints.extendedAt,
			answeredOn: complaints.answeredOn,
			answerSealed: complaints.answerSealed
		})
		.from(complaints)
		.where(eq(complaints.statementId, statementId))
		.get();
	const advocacy = db
		.select({ passedOnAt: advocacyRequests.passedOnAt })
		.from(advocacyRequests)
		.where(eq(advocacyRequests.statementId, statementId))
		.get();
	return {
		complaint: complaint
			? {
					dueOn: clockOf(complaint, today).dueOn,
					extended: !!complaint.extendedAt,
					answeredOn: complaint.answeredOn,
					answer: complaint.answerSealed ? unseal(complaint.answerSealed) : null
				}
			: null,
		advocacy: advocacy ? { passedOn: !!advocacy.passedOnAt } : null
	};
}

/**
 * The stage-1 clock of the complaint a statement made, for the worker who has the statement (the
 * words of the answer and of an extension are the complaints manager's page's). Null when none.
 */
export function complaintClockOfStatement(db: Db, statementId: string, today: string) {
	const row = db
		.select({
			receivedOn: complaints.receivedOn,
			extendedAt: complaints.extendedAt,
			answeredOn: complaints.answeredOn
		})
		.from(complaints)
		.where(eq(complaints.statementId, statementId))
		.get();
	return row ? { clock: clockOf(row, today), answeredOn: row.answeredOn } : null;
}

/** Requests for an advocate the young person agreed to pass on: not yet passed on first. */
export function advocacyRequestList(db: Db, limit = 200) {
	const youngPerson = alias(users, 'young_person');
	return db
		.select({
			id: advocacyRequests.id,
			youngPersonId: advocacyRequests.youngPersonId,
			name: youngPerson.displayName,
			statementId: advocacyRequests.statementId,
			answersSealed: statements.answersSealed,
			createdAt: advocacyRequests.createdAt,
			passedOnAt: advocacyRequests.passedOnAt
		})
		.from(advocacyRequests)
		.innerJoin(statements, eq(statements.id, advocacyRequests.statementId))
		.innerJoin(youngPerson, eq(youngPerson.id, advocacyRequests.youngPersonId))
		.orderBy(sql`${advocacyRequests.passedOnAt} is not null`, desc(advocacyRequests.createdAt))
		.limit(limit)
		.all()
		.map(({ answersSealed, ...row }) => {
			const answers = JSON.parse(unseal(answersSealed)) as Answers;
			return { ...row, words: typeof answers.more === 'string' ? answers.more : null };
		});
}

/** The young person an advocacy request is about, or null. */
export function advocacyRequestOwner(db: Executor, requestId: string): string | null {
	return (
		db
			.select({ youngPersonId: advocacyRequests.youngPersonId })
			.from(advocacyRequests)
			.where(eq(advocacyRequests.id, requestId))
			.get()?.youngPersonId ?? null
	);
}

/** The complaints manager has given the request to the advocacy service (by phone or email). */
export function markAdvocacyPassedOn(
	db: Db,
	input: { requestId: string; byId: string },
	now: Date
): { changed: boolean } {
	const result = db
		.update(advocacyRequests)
		.set({ passedOnAt: now, passedOnById: input.byId })
		.where(and(eq(advocacyRequests.id, input.requestId), isNull(advocacyRequests.passedOnAt)))
		.run();
	return { changed: result.changes > 0 };
}
