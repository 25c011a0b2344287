import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import { ukToday, type CareStatus } from '$lib/domain/people';
import {
	TEMPLATES,
	raisesSafetyAlert,
	receiptOf,
	startingThemes,
	type Answers,
	type TemplateId,
	type Theme
} from '$lib/domain/voice';
import type { Db } from '../db';
import {
	safetyAlerts,
	statementMessages,
	statementThemes,
	statements,
	users,
	youngPeople
} from '../db/schema';
import { newId } from '../ids';
import { seal, unseal } from '../crypto/seal';
import { notify } from '../notify/notify';
import { raiseSafetyAlert } from './safety';
import { statementRecipients } from './people';

export type SendResult =
	| { ok: true; id: string; alertId: string | null; duplicate: boolean }
	| { ok: false; reason: 'recipient' | 'template' };

/** The young person's care status, which decides the templates they can use. */
export function careStatusOf(db: Db, youngPersonId: string): CareStatus | null {
	return (
		db
			.select({ careStatus: youngPeople.careStatus })
			.from(youngPeople)
			.where(eq(youngPeople.userId, youngPersonId))
			.get()?.careStatus ?? null
	);
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
	now = new Date()
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
	if (template.for === 'care_leavers' && careStatusOf(db, input.youngPersonId) !== 'care_leaver')
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
		if (raisesSafetyAlert(template, input.answers)) {
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
			notify(tx, [input.recipientId], 'new_message', `/work/statements/${id}`, now);
		}
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
	const { answersSealed, madeWithId, ...statement } = row;
	return {
		...statement,
		/** The worker who was with the young person when it was made ("with me"). */
		madeWithName: madeWithId ? (madeWith?.name ?? '') : null,
		recipientName: recipient?.name ?? '',
		answers: JSON.parse(unseal(answersSealed)) as Answers,
		receipt: receiptOf(row),
		messages,
		themes,
		alert: alert ?? null
	};
}
export type StatementThread = NonNullable<ReturnType<typeof statementThread>>;

/** Who may see a statement, as a plain fact about it: its young person and current recipient. */
export function statementOwner(db: Db, statementId: string) {
	return (
		db
			.select({ youngPersonId: statements.youngPersonId, recipientId: statements.recipientId })
			.from(statements)
			.where(eq(statements.id, statementId))
			.get() ?? null
	);
}

/** The young person opened their statement: replies so far are no longer new. */
export function markSeenByYoungPerson(db: Db, statementId: string, now = new Date()): void {
	db.update(statements).set({ youngPersonSeenAt: now }).where(eq(statements.id, statementId)).run();
}

/** A worker opened it: the first time is the young person's "read" receipt. */
export function markSeenByWorker(db: Db, statementId: string, now = new Date()): void {
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
	now = new Date()
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
export function acknowledgeStatement(
	db: Db,
	staffId: string,
	statementId: string,
	now = new Date()
) {
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

/** Hand a statement to a colleague linked to the young person today. False when they are not. */
export function reassignStatement(
	db: Db,
	statementId: string,
	toStaffId: string,
	now = new Date()
): boolean {
	const owner = statementOwner(db, statementId);
	if (!owner) return false;
	const colleagues = statementRecipients(db, owner.youngPersonId, ukToday(now));
	if (!colleagues.some((worker) => worker.id === toStaffId)) return false;
	db.transaction((tx) => {
		tx.update(statements)
			.set({ recipientId: toStaffId, workerSeenAt: null })
			.where(eq(statements.id, statementId))
			.run();
		notify(tx, [toStaffId], 'new_message', `/work/statements/${statementId}`, now);
	});
	return true;
}

/** The worker has copied it into the young person's case record. */
export function markCaseRecorded(db: Db, staffId: string, statementId: string, now = new Date()) {
	db.update(statements)
		.set({ caseRecordedAt: now, caseRecordedBy: staffId })
		.where(eq(statements.id, statementId))
		.run();
}
