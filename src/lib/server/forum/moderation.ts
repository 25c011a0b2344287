import { and, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { needsLado, type Allegation, type IssueRefusal } from '$lib/domain/forum';
import type { NoticeKind } from '$lib/domain/notices';
import type { Db, Executor } from '../db';
import {
	forumIssues,
	issueReports,
	pledgePromises,
	promiseRatings,
	safeguardingConcerns,
	userRoles,
	users
} from '../db/schema';
import { recordAudit } from '../audit/log';
import { seal, unseal, unsealOptional } from '../crypto/seal';
import { newId } from '../ids';
import { notify } from '../notify/notify';
import { raiseSafetyAlert } from '../voice/safety';
import { issueReadyFor, type IssueStep } from './lifecycle';

/** Every participation officer who can sign in. */
export function participationOfficers(db: Executor): string[] {
	return db
		.select({ id: users.id })
		.from(users)
		.innerJoin(userRoles, eq(userRoles.userId, users.id))
		.where(and(eq(userRoles.role, 'participation_officer'), isNull(users.disabledAt)))
		.all()
		.map((row) => row.id);
}

/**
 * Tell every participation officer: an in-app notice and a push, through `notify`.
 * Email seam: when the email issue lands, send the same kind and link to each officer's
 * address here (and only here), so every "tell the officers" goes by email too.
 */
export function tellOfficers(db: Executor, kind: NoticeKind, link: string, now: Date) {
	notify(db, participationOfficers(db), kind, link, now);
}

/** An officer checked an issue (edited first where needed): its forum's members can see it now. */
export function approveIssue(db: Db, officerId: string, issueId: string, now: Date): IssueStep {
	return db.transaction((tx) => {
		const ready = issueReadyFor(tx, issueId, 'approve');
		if (!ready.ok) return ready;
		const { issue } = ready;
		tx.update(forumIssues)
			.set({ status: ready.next, approvedBy: officerId, approvedAt: now })
			.where(eq(forumIssues.id, issueId))
			.run();
		recordAudit(
			tx,
			{ actorId: officerId, action: 'issue.approved', subjectUserId: issue.raisedBy },
			now
		);
		notify(tx, [issue.raisedBy], 'board_update', `/me/forum/issues/${issueId}`, now);
		return { ok: true };
	});
}

/**
 * A report, with the reason given; officers are told. `already` when this person reported it
 * before (nothing more is stored).
 */
export function reportIssueWithReason(
	db: Db,
	issueId: string,
	reporterId: string,
	reason: string,
	now: Date
): { ok: true; already: boolean } | IssueRefusal {
	return db.transaction((tx) => {
		const ready = issueReadyFor(tx, issueId, 'report');
		if (!ready.ok) return ready;
		const added = tx
			.insert(issueReports)
			.values({ id: newId(), issueId, reporterId, reason, createdAt: now })
			.onConflictDoNothing()
			.returning({ id: issueReports.id })
			.get();
		if (added) tellOfficers(tx, 'forum_reported', `/board/issues/${issueId}`, now);
		return { ok: true, already: !added };
	});
}

/** The open reports on an issue, with their reasons, for officers. */
export function reportsOn(db: Db, issueId: string) {
	return db
		.select({ reason: issueReports.reason, createdAt: issueReports.createdAt })
		.from(issueReports)
		.where(and(eq(issueReports.issueId, issueId), isNull(issueReports.resolvedAt)))
		.orderBy(desc(issueReports.createdAt))
		.all();
}

export interface ConcernInput {
	note: string;
	allegation: Allegation;
	ladoContact: string | null;
	ladoReference: string | null;
}

/**
 * Turn what a young person wrote into a safeguarding concern: a safety alert to their social
 * worker or PA and the duty manager at once (escalated like any other), the words kept as they
 * are now, the LADO record for an allegation, and a kind word to the young person. The same
 * `clientKey` twice makes one concern.
 */
function raiseConcern(
	tx: Executor,
	officerId: string,
	about: {
		youngPersonId: string;
		source: 'forum_issue' | 'pledge_comment';
		clientKey: string;
		issueId?: string;
		promiseId?: string;
		words: string;
		youngPersonLink: string;
	},
	input: ConcernInput,
	now: Date
): string {
	const alert = raiseSafetyAlert(
		tx,
		{
			youngPersonId: about.youngPersonId,
			clientKey: about.clientKey,
			source: about.source,
			raisedBy: officerId
		},
		now
	);
	if (!alert.created) {
		return tx
			.select({ id: safeguardingConcerns.id })
			.from(safeguardingConcerns)
			.where(eq(safeguardingConcerns.alertId, alert.id))
			.get()!.id;
	}
	const id = newId();
	const lado = needsLado(input.allegation);
	tx.insert(safeguardingConcerns)
		.values({
			id,
			alertId: alert.id,
			youngPersonId: about.youngPersonId,
			issueId: about.issueId ?? null,
			promiseId: about.promiseId ?? null,
			wordsSealed: seal(about.words),
			noteSealed: seal(input.note),
			allegation: input.allegation,
			raisedBy: officerId,
			raisedAt: now,
			ladoStartedBy: lado ? officerId : null,
			ladoStartedAt: lado ? now : null,
			ladoContact: lado ? input.ladoContact : null,
			ladoReference: lado ? input.ladoReference : null
		})
		.run();
	recordAudit(
		tx,
		{
			actorId: officerId,
			action: lado ? 'concern.raised_lado' : 'concern.raised',
			subjectUserId: about.youngPersonId,
			detail: about.source
		},
		now
	);
	notify(tx, [about.youngPersonId], 'concern_raised', about.youngPersonLink, now);
	return id;
}

/** A forum issue becomes a safeguarding concern. Null when there is no such issue. */
export function concernFromIssue(
	db: Db,
	officerId: string,
	issueId: string,
	input: ConcernInput,
	now: Date
): string | null {
	return db.transaction((tx) => {
		const ready = issueReadyFor(tx, issueId, 'concern');
		if (!ready.ok) return null;
		const { issue } = ready;
		// Words worrying enough for a concern (perhaps naming a carer) leave the forum at once: the
		// issue waits for an officer's check again, seen only by its writer and the officers.
		if (ready.next !== issue.status)
			tx.update(forumIssues).set({ status: ready.next }).where(eq(forumIssues.id, issueId)).run();
		// The words as the young person wrote them, not as an officer edited them.
		const words = [
			issue.originalTitle ?? issue.title,
			issue.originalWhatIsWrong ?? issue.whatIsWrong,
			issue.originalWhatToChange ?? issue.whatToChange
		].join('\n\n');
		return raiseConcern(
			tx,
			officerId,
			{
				youngPersonId: issue.raisedBy,
				source: 'forum_issue',
				clientKey: `forum-issue:${issueId}`,
				issueId,
				words,
				youngPersonLink: `/me/forum/issues/${issueId}`
			},
			input,
			now
		);
	});
}

/** A Pledge "tell us more" comment becomes a safeguarding concern. Null when there is no comment. */
export function concernFromComment(
	db: Db,
	officerId: string,
	promiseId: string,
	youngPersonId: string,
	input: ConcernInput,
	now: Date
): string | null {
	return db.transaction((tx) => {
		const rating = tx
			.select()
			.from(promiseRatings)
			.where(
				and(
					eq(promiseRatings.promiseId, promiseId),
					eq(promiseRatings.youngPersonId, youngPersonId)
				)
			)
			.get();
		const comment = unsealOptional(rating?.commentSealed ?? null);
		if (!rating || !comment) return null;
		return raiseConcern(
			tx,
			officerId,
			{
				youngPersonId,
				source: 'pledge_comment',
				// One concern for each version of the comment.
				clientKey: `pledge:${promiseId}:${rating.updatedAt.getTime()}`,
				promiseId,
				words: comment,
				youngPersonLink: '/me/pledge'
			},
			input,
			now
		);
	});
}

const concernColumns = () => {
	const officer = alias(users, 'officer');
	const lado = alias(users, 'lado');
	return {
		officer,
		lado,
		columns: {
			id: safeguardingConcerns.id,
			alertId: safeguardingConcerns.alertId,
			youngPersonId: safeguardingConcerns.youngPersonId,
			issueId: safeguardingConcerns.issueId,
			promiseId: safeguardingConcerns.promiseId,
			promise: pledgePromises.text,
			wordsSealed: safeguardingConcerns.wordsSealed,
			noteSealed: safeguardingConcerns.noteSealed,
			allegation: safeguardingConcerns.allegation,
			raisedBy: officer.displayName,
			raisedAt: safeguardingConcerns.raisedAt,
			ladoStartedBy: lado.displayName,
			ladoStartedAt: safeguardingConcerns.ladoStartedAt,
			ladoContact: safeguardingConcerns.ladoContact,
			ladoReference: safeguardingConcerns.ladoReference
		}
	};
};

function concernsWhere(db: Db, where: ReturnType<typeof eq>) {
	const { officer, lado, columns } = concernColumns();
	return db
		.select(columns)
		.from(safeguardingConcerns)
		.innerJoin(officer, eq(officer.id, safeguardingConcerns.raisedBy))
		.leftJoin(lado, eq(lado.id, safeguardingConcerns.ladoStartedBy))
		.leftJoin(pledgePromises, eq(pledgePromises.id, safeguardingConcerns.promiseId))
		.where(where)
		.orderBy(desc(safeguardingConcerns.raisedAt))
		.all()
		.map(({ wordsSealed, noteSealed, ...concern }) => ({
			...concern,
			words: unseal(wordsSealed),
			note: unseal(noteSealed)
		}));
}

/** The concern behind a safety alert, for the staff who may open that alert. */
export function concernForAlert(db: Db, alertId: string) {
	return concernsWhere(db, eq(safeguardingConcerns.alertId, alertId))[0] ?? null;
}

/** Concerns raised from an issue, for officers. */
export function concernsForIssue(db: Db, issueId: string) {
	return concernsWhere(db, eq(safeguardingConcerns.issueId, issueId));
}

/** Whether a concern was raised from this issue: the raiser reads a kind word. */
export function issueHasConcern(db: Db, issueId: string): boolean {
	return !!db
		.select({ id: safeguardingConcerns.id })
		.from(safeguardingConcerns)
		.where(eq(safeguardingConcerns.issueId, issueId))
		.get();
}

/** Whether a concern was raised from any of this young person's Pledge comments. */
export function pledgeHasConcern(db: Db, youngPersonId: string): boolean {
	return !!db
		.select({ id: safeguardingConcerns.id })
		.from(safeguardingConcerns)
		.where(
			and(
				eq(safeguardingConcerns.youngPersonId, youngPersonId),
				isNotNull(safeguardingConcerns.promiseId)
			)
		)
		.get();
}

/**
 * Every Pledge "tell us more" comment, newest first, with the promise, the rating and the date.
 * `named` (participation officers only) adds who wrote it and any concern raised from it;
 * without it the list carries no name and no id of the young person, and leaves out comments
 * that became a safeguarding concern.
 */
export function pledgeComments(db: Db, named: boolean) {
	const rows = db
		.select({
			promiseId: promiseRatings.promiseId,
			promise: pledgePromises.text,
			youngPersonId: promiseRatings.youngPersonId,
			name: users.displayName,
			rating: promiseRatings.rating,
			commentSealed: promiseRatings.commentSealed,
			updatedAt: promiseRatings.updatedAt
		})
		.from(promiseRatings)
		.innerJoin(pledgePromises, eq(pledgePromises.id, promiseRatings.promiseId))
		.innerJoin(users, eq(users.id, promiseRatings.youngPersonId))
		.where(and(isNotNull(promiseRatings.commentSealed), ne(promiseRatings.commentSealed, '')))
		.orderBy(desc(promiseRatings.updatedAt))
		.limit(500)
		.all();
	const concerned = new Set(
		rows.length
			? db
					.select({
						promiseId: safeguardingConcerns.promiseId,
						youngPersonId: safeguardingConcerns.youngPersonId
					})
					.from(safeguardingConcerns)
					.where(
						inArray(
							safeguardingConcerns.youngPersonId,
							rows.map((row) => row.youngPersonId)
						)
					)
					.all()
					.map((row) => `${row.promiseId}:${row.youngPersonId}`)
			: []
	);
	return rows
		.map(({ commentSealed, youngPersonId, name, ...row }) => {
			const concern = concerned.has(`${row.promiseId}:${youngPersonId}`);
			const comment = unsealOptional(commentSealed) ?? '';
			return named
				? { ...row, comment, concern, who: { youngPersonId, name } }
				: { ...row, comment, concern, who: null };
		})
		.filter((row) => row.comment && (named || !row.concern));
}

/** One comment for an officer, to turn into a concern. */
export function pledgeCommentForOfficer(db: Db, promiseId: string, youngPersonId: string) {
	const row = pledgeComments(db, true).find(
		(c) => c.promiseId === promiseId && c.who?.youngPersonId === youngPersonId
	);
	if (!row) return null;
	const concerns = concernsWhere(
		db,
		and(
			eq(safeguardingConcerns.promiseId, promiseId),
			eq(safeguardingConcerns.youngPersonId, youngPersonId)
		)!
	);
	return { ...row, concerns };
}
