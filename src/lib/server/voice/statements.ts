import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { prepared } from '../db/prepared';
import { ukToday, type CareStatus } from '$lib/domain/people';
import {
	SIGNALS,
	TEMPLATES,
	signalsOf,
	receiptOf,
	startingThemes,
	type Answers,
	type TemplateId,
	type Theme
} from '$lib/domain/voice';
import { careRecordOf } from '../people/care-record';
import { careStatusOn } from '$lib/domain/leaving-care';
import type { Db, Executor } from '../db';
import {
	safetyAlerts,
	statementHandovers,
	statementMessages,
	statementThemes,
	statements,
	users
} from '../db/schema';
import { newId } from '../ids';
import { seal, unseal } from '../crypto/seal';
import { notify } from '../notify/notify';
import { raiseSafetyAlert } from './safety';
import { statementRecipients } from './people';
import { openComplaintAndAdvocacy } from './complaints';

export type SendResult =
	| { ok: true; id: string; alertId: string | null; duplicate: boolean }
	| { ok: false; reason: 'recipient' | 'template' };

/** The young person's care status today (worked out from their record), which decides the templates they can use. */
export function careStatusOf(db: Db, youngPersonId: string, today: string): CareStatus | null {
	const record = careRecordOf(db, youngPersonId);
	return record ? careStatusOn(record, today) : null;
}

/**
 * A young person sends a statement to one of their workers. The answers are sealed; a choice
 * that says "I am not safe" raises a safety alert in the same transaction. The same form sent
 * twice (same `clientKey`) is kept once, so a retry or a replayed post never duplicates.
 */
export function sendStatement(
	db: Db,
	input: {
		youngPersonId: string;
		template: TemplateId;
		answers: Answers;
		recipientId: string;
		clientKey: string;
		/** The language it was written in; English when not said. */
		language?: string;
		/** The worker sitting with the young person ("with me"), when made together. */
		madeWithId?: string | null;
	},
	now: Date
): SendResult {
	const existing = db
		.select({ id: statements.id })
		.from(statements)
		.where(
			and(
				eq(statements.youngPersonId, input.youngPersonId),
				eq(statements.clientKey, input.clientKey)
			)
		)
		.get();
	if (existing) {
		const alert = db
			.select({ id: safetyAlerts.id })
			.from(safetyAlerts)
			.where(eq(safetyAlerts.statementId, existing.id))
			.get();
		return { ok: true, id: existing.id, alertId: alert?.id ?? null, duplicate: true };
	}
	const template = TEMPLATES[input.template];
	if (
		template.for === 'care_leavers' &&
		careStatusOf(db, input.youngPersonId, ukToday(now)) !== 'care_leaver'
	)
		return { ok: false, reason: 'template' };
	const recipients = statementRecipients(db, input.youngPersonId, ukToday(now));
	if (!recipients.some((worker) => worker.id === input.recipientId))
		return { ok: false, reason: 'recipient' };

	const id = newId();
	return db.transaction((tx) => {
		tx.insert(statements)
			.values({
				id,
				youngPersonId: input.youngPersonId,
				template: input.template,
				recipientId: input.recipientId,
				answersSealed: seal(JSON.stringify(input.answers)),
				clientKey: input.clientKey,
				language: input.language ?? 'en',
				express: !!template.express,
				madeWithId: input.madeWithId ?? null,
				createdAt: now,
				lastFromYoungPersonAt: now
			})
			.run();
		const themes = startingThemes(template, input.answers);
		if (themes.length)
			tx.insert(statementThemes)
				.values(themes.map((theme) => ({ statementId: id, theme })))
				.run();
		let alertId: string | null = null;
		// The most urgent signal decides how the worker is told (SIGNALS in domain/voice).
		const [signal] = signalsOf(template, input.answers);
		if (signal && SIGNALS[signal.signal].raisesAlert) {
			alertId = raiseSafetyAlert(
				tx,
				{
					youngPersonId: input.youngPersonId,
					clientKey: `statement:${input.clientKey}`,
					statementId: id,
					alsoTell: [input.recipientId]
				},
				now
			).id;
		} else {
			const kind = signal ? SIGNALS[signal.signal].notice : 'new_message';
			notify(tx, [input.recipientId], kind, `/work/statements/${id}`, now);
		}
		if (template.id === 'complain')
			openComplaintAndAdvocacy(
				tx,
				{ statementId: id, youngPersonId: input.youngPersonId, answers: input.answers },
				now
			);
		return { ok: true as const, id, alertId, duplicate: false };
	});
}

/** Everything a young person has sent, newest first, with its receipts. */
export function myStatements(db: Db, youngPersonId: string) {
	return db
		.select({
			id: statements.id,
			template: statements.template,
			recipient: users.displayName,
			createdAt: statements.createdAt,
			readAt: statements.readAt,
			answeredAt: statements.answeredAt,
			lastFromWorkerAt: statements.lastFromWorkerAt,
			youngPersonSeenAt: statements.youngPersonSeenAt
		})
		.from(statements)
		.innerJoin(users, eq(users.id, statements.recipientId))
		.where(eq(statements.youngPersonId, youngPersonId))
		.orderBy(desc(statements.createdAt))
		.limit(200)
		.all()
		.map(({ lastFromWorkerAt, youngPersonSeenAt, ...row }) => ({
			...row,
			receipt: receiptOf(row),
			newReply: !!lastFromWorkerAt && (!youngPersonSeenAt || youngPersonSeenAt < lastFromWorkerAt)
		}));
}

/** How many of a young person's statements have a reply they have not seen: their home page's count. */
export function newReplyCount(db: Db, youngPersonId: string): number {
	return (
		prepared(db, 'new-replies', (db) =>
			db
				.select({ count: sql<number>`count(*)` })
				.from(statements)
				// The same condition as the partial index statements_new_reply_idx, so it is used.
				.where(
					sql`${statements.youngPersonId} = ${sql.placeholder('youngPersonId')} and ${statements.lastFromWorkerAt} is not null and (${statements.youngPersonSeenAt} is null or ${statements.youngPersonSeenAt} < ${statements.lastFromWorkerAt})`
				)
				.prepare()
		).get({ youngPersonId })?.count ?? 0
	);
}

/** One statement with its answers and conversation, unsealed. Null when there is none. */
export function statementThread(db: Db, statementId: string) {
	const row = db
		.select({
			id: statements.id,
			youngPersonId: statements.youngPersonId,
			youngPersonName: users.displayName,
			template: statements.template,
			recipientId: statements.recipientId,
			answersSealed: statements.answersSealed,
			createdAt: statements.createdAt,
			readAt: statements.readAt,
			answeredAt: statements.answeredAt,
			acknowledgedAt: statements.acknowledgedAt,
			caseRecordedAt: statements.caseRecordedAt,
			language: statements.language,
			express: statements.express,
			madeWithId: statements.madeWithId
		})
		.from(statements)
		.innerJoin(users, eq(users.id, statements.youngPersonId))
		.where(eq(statements.id, statementId))
		.get();
	if (!row) return null;
	const madeWith = row.madeWithId
		? db.select({ name: users.displayName }).from(users).where(eq(users.id, row.madeWithId)).get()
		: undefined;
	const recipient = db
		.select({ name: users.displayName })
		.from(users)
		.where(eq(users.id, row.recipientId))
		.get();
	const messages = db
		.select({
			id: statementMessages.id,
			authorId: statementMessages.authorId,
			author: users.displayName,
			bodySealed: statementMessages.bodySealed,
			createdAt: statementMessages.createdAt
		})
		.from(statementMessages)
		.innerJoin(users, eq(users.id, statementMessages.authorId))
		.where(eq(statementMessages.statementId, statementId))
		.orderBy(asc(statementMessages.createdAt), asc(statementMessages.id))
		.all()
		.map(({ bodySealed, authorId, ...message }) => ({
			...message,
			fromYoungPerson: authorId === row.youngPersonId,
			body: unseal(bodySealed)
		}));
	const themes = db
		.select({ theme: statementThemes.theme })
		.from(statementThemes)
		.where(eq(statementThemes.statementId, statementId))
		.all()
		.map((t) => t.theme);
	const alert = db
		.select({ id: safetyAlerts.id, acknowledgedAt: safetyAlerts.acknowledgedAt })
		.from(safetyAlerts)
		.where(eq(safetyAlerts.statementId, statementId))
		.get();
	const handovers = statementHandoversOf(db, statementId);
	const { answersSealed, madeWithId, ...statement } = row;
	const answers = JSON.parse(unseal(answersSealed)) as Answers;
	return {
		...statement,
		/** What the answers signal (SIGNALS): the page says it to each side in its own words. */
		signals: signalsOf(TEMPLATES[row.template], answers),
		/** The worker who was with the young person when it was made ("with me"). */
		madeWithName: madeWithId ? (madeWith?.name ?? '') : null,
		/** Who has it now: replies go to them. */
		recipientName: recipient?.name ?? '',
		/** Who the young person sent it to: the first hand-over's giver, or who has it still. */
		sentToName: handovers[0]?.from ?? recipient?.name ?? '',
		handovers,
		answers,
		receipt: receiptOf(row),
		messages,
		themes,
		alert: alert ?? null
	};
}

/** Who may see a statement, as a plain fact about it: its young person and current recipient. */
export function statementOwner(db: Executor, statementId: string) {
	return (
		db
			.select({ youngPersonId: statements.youngPersonId, recipientId: statements.recipientId })
			.from(statements)
			.where(eq(statements.id, statementId))
			.get() ?? null
	);
}

/** The young person opened their statement: replies so far are no longer new. */
export function markSeenByYoungPerson(db: Db, statementId: string, now: Date): void {
	db.update(statements).set({ youngPersonSeenAt: now }).where(eq(statements.id, statementId)).run();
}

/** A worker opened it: the first time is the young person's "read" receipt. */
export function markSeenByWorker(db: Db, statementId: string, now: Date): void {
	db.transaction((tx) => {
		const row = tx
			.select({ readAt: statements.readAt })
			.from(statements)
			.where(eq(statements.id, statementId))
			.get();
		if (!row) return;
		tx.update(statements)
			.set({ workerSeenAt: now, ...(row.readAt ? {} : { readAt: now }) })
			.where(eq(statements.id, statementId))
			.run();
	});
}

/**
 * Add to the conversation. A worker's first reply is the "answered" receipt. The other side is
 * told; the words are sealed. The same form sent twice is kept once.
 */
export function addMessage(
	db: Db,
	input: { statementId: string; authorId: string; body: string; clientKey: string },
	now: Date
): { duplicate: boolean } {
	return db.transaction((tx) => {
		const statement = tx
			.select()
			.from(statements)
			.where(eq(statements.id, input.statementId))
			.get();
		if (!statement) throw new Error('No such statement');
		const repeat = tx
			.select({ id: statementMessages.id })
			.from(statementMessages)
			.where(
				and(
					eq(statementMessages.statementId, input.statementId),
					eq(statementMessages.clientKey, input.clientKey)
				)
			)
			.get();
		if (repeat) return { duplicate: true };
		tx.insert(statementMessages)
			.values({
				id: newId(),
				statementId: input.statementId,
				authorId: input.authorId,
				bodySealed: seal(input.body),
				clientKey: input.clientKey,
				createdAt: now
			})
			.run();
		const fromYoungPerson = input.authorId === statement.youngPersonId;
		if (fromYoungPerson) {
			tx.update(statements)
				.set({ lastFromYoungPersonAt: now, youngPersonSeenAt: now })
				.where(eq(statements.id, statement.id))
				.run();
			notify(tx, [statement.recipientId], 'new_message', `/work/statements/${statement.id}`, now);
		} else {
			tx.update(statements)
				.set({
					lastFromWorkerAt: now,
					workerSeenAt: now,
					readAt: statement.readAt ?? now,
					answeredAt: statement.answeredAt ?? now
				})
				.where(eq(statements.id, statement.id))
				.run();
			notify(tx, [statement.youngPersonId], 'new_reply', `/me/messages/${statement.id}`, now);
		}
		return { duplicate: false };
	});
}

/** "I have read this": the worker takes it in hand. */
export function acknowledgeStatement(db: Db, staffId: string, statementId: string, now: Date) {
	db.update(statements)
		.set({ acknowledgedAt: now, acknowledgedBy: staffId })
		.where(eq(statements.id, statementId))
		.run();
}

/** Replace a statement's themes with the worker's choice. */
export function setStatementThemes(db: Db, statementId: string, themes: Theme[]): void {
	db.transaction((tx) => {
		tx.delete(statementThemes).where(eq(statementThemes.statementId, statementId)).run();
		if (themes.length)
			tx.insert(statementThemes)
				.values([...new Set(themes)].map((theme) => ({ statementId, theme })))
				.run();
	});
}

export type HandOverResult = { ok: true; duplicate: boolean } | { ok: false; reason: 'not_linked' };

/**
 * "Pass it on": hand a statement to a colleague linked to the young person today, with a note
 * saying why. The hand-over is written down (who had it, who has it now, who passed it, when,
 * why), the new holder is told, and from then on the young person's replies go to them. The same
 * form sent twice (same `clientKey`) passes it once.
 */
export function handOverStatement(
	db: Db,
	input: {
		statementId: string;
		toStaffId: string;
		byStaffId: string;
		note: string;
		clientKey: string;
	},
	now: Date
): HandOverResult {
	return db.transaction((tx) => {
		const owner = statementOwner(tx, input.statementId);
		if (!owner) return { ok: false as const, reason: 'not_linked' as const };
		const repeat = tx
			.select({ id: statementHandovers.id })
			.from(statementHandovers)
			.where(
				and(
					eq(statementHandovers.statementId, input.statementId),
					eq(statementHandovers.clientKey, input.clientKey)
				)
			)
			.get();
		if (repeat) return { ok: true as const, duplicate: true };
		const colleagues = statementRecipients(tx, owner.youngPersonId, ukToday(now));
		if (
			input.toStaffId === owner.recipientId ||
			!colleagues.some((worker) => worker.id === input.toStaffId)
		)
			return { ok: false as const, reason: 'not_linked' as const };
		tx.insert(statementHandovers)
			.values({
				id: newId(),
				statementId: input.statementId,
				fromId: owner.recipientId,
				toId: input.toStaffId,
				byId: input.byStaffId,
				noteSealed: seal(input.note),
				clientKey: input.clientKey,
				at: now
			})
			.run();
		tx.update(statements)
			.set({ recipientId: input.toStaffId, workerSeenAt: null })
			.where(eq(statements.id, input.statementId))
			.run();
		notify(tx, [input.toStaffId], 'new_message', `/work/statements/${input.statementId}`, now);
		return { ok: true as const, duplicate: false };
	});
}

/** Every hand-over of a statement, oldest first, with names and the note unsealed. */
export function statementHandoversOf(db: Db, statementId: string) {
	const from = alias(users, 'handover_from');
	const to = alias(users, 'handover_to');
	const by = alias(users, 'handover_by');
	return db
		.select({
			from: from.displayName,
			to: to.displayName,
			by: by.displayName,
			noteSealed: statementHandovers.noteSealed,
			at: statementHandovers.at
		})
		.from(statementHandovers)
		.innerJoin(from, eq(from.id, statementHandovers.fromId))
		.innerJoin(to, eq(to.id, statementHandovers.toId))
		.innerJoin(by, eq(by.id, statementHandovers.byId))
		.where(eq(statementHandovers.statementId, statementId))
		.orderBy(asc(statementHandovers.at), asc(statementHandovers.id))
		.all()
		.map(({ noteSealed, ...handover }) => ({ ...handover, note: unseal(noteSealed) }));
}

/** The worker has copied it into the young person's case record. */
export function markCaseRecorded(db: Db, staffId: string, statementId: string, now: Date) {
	db.update(statements)
		.set({ caseRecordedAt: now, caseRecordedBy: staffId })
		.where(eq(statements.id, statementId))
		.run();
}
