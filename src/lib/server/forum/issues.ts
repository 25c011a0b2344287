import { and, asc, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import {
	SHOWN_STATUSES,
	issueMay,
	mayReadDeclineReason,
	youngPersonMaySeeIssue,
	type Helped
} from '$lib/domain/forum';
import type { Db } from '../db';
import {
	forumIssues,
	forumMembers,
	forums,
	issueFeedback,
	issueSupports,
	users
} from '../db/schema';
import { newId } from '../ids';
import { issueHasConcern, tellOfficers } from './moderation';

/** Every forum, and whether this young person sits on it. */
export function forumsFor(db: Db, userId: string) {
	const mine = new Set(
		db
			.select({ forumId: forumMembers.forumId })
			.from(forumMembers)
			.where(eq(forumMembers.userId, userId))
			.all()
			.map((row) => row.forumId)
	);
	return db
		.select({ id: forums.id, name: forums.name, description: forums.description })
		.from(forums)
		.orderBy(asc(forums.name))
		.all()
		.map((forum) => ({ ...forum, member: mine.has(forum.id) }));
}

export function isForumMember(db: Db, forumId: string, userId: string): boolean {
	return !!db
		.select({ one: sql`1` })
		.from(forumMembers)
		.where(and(eq(forumMembers.forumId, forumId), eq(forumMembers.userId, userId)))
		.get();
}

/**
 * Any young person can raise an issue with any forum, named or anonymous to the Board. It waits
 * for a participation officer's check (only the raiser and officers see it), and officers are told.
 */
export function raiseIssue(
	db: Db,
	input: {
		forumId: string;
		raisedBy: string;
		named: boolean;
		title: string;
		whatIsWrong: string;
		whatToChange: string;
	},
	now: Date
): string | null {
	if (!db.select({ id: forums.id }).from(forums).where(eq(forums.id, input.forumId)).get())
		return null;
	const id = newId();
	db.transaction((tx) => {
		tx.insert(forumIssues)
			.values({ id, ...input, status: 'awaiting', createdAt: now })
			.run();
		tellOfficers(tx, 'forum_to_check', `/board/issues/${id}`, now);
	});
	return id;
}

/** `forumMaySee` (in the domain rules) as SQL: issues out for a forum's members and the Board. */
export const forumSeesSql = or(
	inArray(forumIssues.status, SHOWN_STATUSES),
	and(eq(forumIssues.status, 'declined'), isNotNull(forumIssues.approvedAt))
);

/** How many support an issue, as a column. */
export const supportCount = sql<number>`(select count(*) from ${issueSupports} where ${issueSupports.issueId} = ${forumIssues.id})`;

/** The issues a forum's members see: checked by an officer and not merged away, newest first. */
export function forumIssueList(db: Db, forumId: string, viewerId: string) {
	const supported = new Set(
		db
			.select({ issueId: issueSupports.issueId })
			.from(issueSupports)
			.where(eq(issueSupports.userId, viewerId))
			.all()
			.map((row) => row.issueId)
	);
	return db
		.select({
			id: forumIssues.id,
			title: forumIssues.title,
			status: forumIssues.status,
			supports: supportCount,
			createdAt: forumIssues.createdAt
		})
		.from(forumIssues)
		.where(and(eq(forumIssues.forumId, forumId), forumSeesSql))
		.orderBy(desc(forumIssues.createdAt))
		.limit(200)
		.all()
		.map((issue) => ({ ...issue, supportedByMe: supported.has(issue.id) }));
}

/** Issues this young person raised, wherever they went (waiting for a check too). */
export function myIssues(db: Db, userId: string) {
	return db
		.select({ id: forumIssues.id, title: forumIssues.title, status: forumIssues.status })
		.from(forumIssues)
		.where(eq(forumIssues.raisedBy, userId))
		.orderBy(desc(forumIssues.createdAt))
		.all();
}

/**
 * One issue as a young person may see it: their own, or one in a forum they sit on. The raiser
 * is shown to other young people only when they chose to be named. Null when not theirs to see.
 */
export function issueForYoungPerson(db: Db, issueId: string, viewerId: string) {
	const issue = db
		.select({
			id: forumIssues.id,
			forumId: forumIssues.forumId,
			forum: forums.name,
			raisedBy: forumIssues.raisedBy,
			named: forumIssues.named,
			raiserName: users.displayName,
			title: forumIssues.title,
			whatIsWrong: forumIssues.whatIsWrong,
			whatToChange: forumIssues.whatToChange,
			status: forumIssues.status,
			mergedInto: forumIssues.mergedInto,
			declineReason: forumIssues.declineReason,
			editedAt: forumIssues.editedAt,
			approvedAt: forumIssues.approvedAt,
			answer: forumIssues.answer,
			answeredAt: forumIssues.answeredAt,
			supports: supportCount,
			createdAt: forumIssues.createdAt
		})
		.from(forumIssues)
		.innerJoin(forums, eq(forums.id, forumIssues.forumId))
		.innerJoin(users, eq(users.id, forumIssues.raisedBy))
		.where(eq(forumIssues.id, issueId))
		.get();
	if (!issue) return null;
	const mine = issue.raisedBy === viewerId;
	const member = isForumMember(db, issue.forumId, viewerId);
	if (!youngPersonMaySeeIssue(issue, viewerId, member)) return null;
	const supportedByMe = !!db
		.select({ one: sql`1` })
		.from(issueSupports)
		.where(and(eq(issueSupports.issueId, issueId), eq(issueSupports.userId, viewerId)))
		.get();
	const feedback =
		db
			.select({ helped: issueFeedback.helped })
			.from(issueFeedback)
			.where(and(eq(issueFeedback.issueId, issueId), eq(issueFeedback.userId, viewerId)))
			.get()?.helped ?? null;
	const {
		raisedBy: _raisedBy,
		raiserName,
		declineReason,
		editedAt,
		approvedAt: _approvedAt,
		...shown
	} = issue;
	return {
		...shown,
		mine,
		raiserName: issue.named || mine ? raiserName : null,
		// Only the raiser reads why it was declined, that an officer changed their words, and
		// that someone will talk to them.
		declineReason: mayReadDeclineReason(issue, viewerId) ? declineReason : null,
		editedForMe: mine && editedAt !== null,
		concernForMe: mine && issueHasConcern(db, issueId),
		supportedByMe,
		canSupport: member && issueMay(issue.status, 'support'),
		feedback
	};
}

export type SupportResult = 'supported' | 'already' | 'not_member' | 'closed';

/** A forum member supports an issue: one support each. */
export function supportIssue(db: Db, issueId: string, userId: string, now: Date): SupportResult {
	const issue = db.select().from(forumIssues).where(eq(forumIssues.id, issueId)).get();
	if (!issue) return 'closed';
	if (!isForumMember(db, issue.forumId, userId)) return 'not_member';
	if (!issueMay(issue.status, 'support')) return 'closed';
	const added = db
		.insert(issueSupports)
		.values({ issueId, userId, createdAt: now })
		.onConflictDoNothing()
		.returning({ issueId: issueSupports.issueId })
		.get();
	return added ? 'supported' : 'already';
}

/** "Did this help?" from someone who raised or supported an answered issue. */
export function giveFeedback(
	db: Db,
	issueId: string,
	userId: string,
	helped: Helped,
	now: Date
): boolean {
	const issue = db.select().from(forumIssues).where(eq(forumIssues.id, issueId)).get();
	if (!issue || !issueMay(issue.status, 'feedback')) return false;
	const involved =
		issue.raisedBy === userId ||
		!!db
			.select({ one: sql`1` })
			.from(issueSupports)
			.where(and(eq(issueSupports.issueId, issueId), eq(issueSupports.userId, userId)))
			.get();
	if (!involved) return false;
	db.insert(issueFeedback)
		.values({ issueId, userId, helped, createdAt: now })
		.onConflictDoUpdate({
			target: [issueFeedback.issueId, issueFeedback.userId],
			set: { helped, createdAt: now }
		})
		.run();
	return true;
}

/** Everyone to tell when an issue is answered: who raised it and who supported it. */
export function peopleBehind(db: Db, issueIds: string[]): string[] {
	if (!issueIds.length) return [];
	const raisers = db
		.select({ id: forumIssues.raisedBy })
		.from(forumIssues)
		.where(inArray(forumIssues.id, issueIds))
		.all();
	const supporters = db
		.select({ id: issueSupports.userId })
		.from(issueSupports)
		.where(inArray(issueSupports.issueId, issueIds))
		.all();
	return [...new Set([...raisers, ...supporters].map((row) => row.id))];
}

/** The public "you said, we did": answered issues, named only where the young person chose. */
export function youSaidWeDid(db: Db) {
	return db
		.select({
			id: forumIssues.id,
			forum: forums.name,
			title: forumIssues.title,
			whatToChange: forumIssues.whatToChange,
			answer: forumIssues.answer,
			answeredAt: forumIssues.answeredAt,
			named: forumIssues.named,
			raiserName: users.displayName
		})
		.from(forumIssues)
		.innerJoin(forums, eq(forums.id, forumIssues.forumId))
		.innerJoin(users, eq(users.id, forumIssues.raisedBy))
		.where(eq(forumIssues.status, 'answered'))
		.orderBy(desc(forumIssues.answeredAt))
		.limit(200)
		.all()
		.map(({ named, raiserName, ...issue }) => ({ ...issue, raisedBy: named ? raiserName : null }));
}
