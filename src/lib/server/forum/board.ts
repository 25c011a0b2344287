import { and, asc, desc, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
	LIVE_STATUSES,
	MERGE_INTO_STATUSES,
	actionStatusOn,
	byAttention,
	mayMergeInto,
	type ChosenActionStatus
} from '$lib/domain/forum';
import { can, type Role } from '$lib/domain/roles';
import type { Db } from '../db';
import {
	actionUpdates,
	agendaItems,
	boardActions,
	boardMeetings,
	councilSettings,
	forumIssues,
	forums,
	issueReports,
	issueSupports,
	userRoles,
	users
} from '../db/schema';
import { newId } from '../ids';
import { notify } from '../notify/notify';
import { forumSeesSql, peopleBehind, supportCount } from './issues';
import { issueReadyFor, type IssueStep } from './lifecycle';

const openReports = sql<number>`(select count(*) from ${issueReports} where ${issueReports.issueId} = ${forumIssues.id} and ${issueReports.resolvedAt} is null)`;

/**
 * The officer's queue: reported issues first, then new ones waiting for a check, then those
 * open and with the Board. The
 * raiser's name is here for officers, who must be able to follow up; never for Board members.
 */
export function moderationQueue(db: Db) {
	return (
		db
			.select({
				id: forumIssues.id,
				forum: forums.name,
				title: forumIssues.title,
				status: forumIssues.status,
				named: forumIssues.named,
				supports: supportCount,
				reports: openReports,
				createdAt: forumIssues.createdAt
			})
			.from(forumIssues)
			.innerJoin(forums, eq(forums.id, forumIssues.forumId))
			.where(inArray(forumIssues.status, LIVE_STATUSES))
			// Reported first, then those waiting for a check ('awaiting' sorts first), then the rest.
			.orderBy(desc(openReports), asc(forumIssues.status), desc(forumIssues.createdAt))
			.limit(200)
			.all()
	);
}

/** One issue for an officer: the words now and as first written, who changed them, the raiser. */
export function issueForOfficer(db: Db, issueId: string) {
	const editor = alias(users, 'editor');
	const raiser = alias(users, 'raiser');
	const issue = db
		.select({
			id: forumIssues.id,
			forumId: forumIssues.forumId,
			forum: forums.name,
			raiserName: raiser.displayName,
			named: forumIssues.named,
			title: forumIssues.title,
			whatIsWrong: forumIssues.whatIsWrong,
			whatToChange: forumIssues.whatToChange,
			originalTitle: forumIssues.originalTitle,
			originalWhatIsWrong: forumIssues.originalWhatIsWrong,
			originalWhatToChange: forumIssues.originalWhatToChange,
			editedBy: editor.displayName,
			editedAt: forumIssues.editedAt,
			status: forumIssues.status,
			declineReason: forumIssues.declineReason,
			approvedAt: forumIssues.approvedAt,
			answer: forumIssues.answer,
			supports: supportCount,
			reports: openReports,
			createdAt: forumIssues.createdAt
		})
		.from(forumIssues)
		.innerJoin(forums, eq(forums.id, forumIssues.forumId))
		.innerJoin(raiser, eq(raiser.id, forumIssues.raisedBy))
		.leftJoin(editor, eq(editor.id, forumIssues.editedBy))
		.where(eq(forumIssues.id, issueId))
		.get();
	if (!issue) return null;
	const others = db
		.select({ id: forumIssues.id, title: forumIssues.title })
		.from(forumIssues)
		.where(
			and(
				eq(forumIssues.forumId, issue.forumId),
				ne(forumIssues.id, issueId),
				inArray(forumIssues.status, MERGE_INTO_STATUSES)
			)
		)
		.orderBy(asc(forumIssues.title))
		.all();
	return { ...issue, mergeTargets: others };
}

/** Edit out personal details. The first time, the words as written are kept for officers. */
export function editIssue(
	db: Db,
	officerId: string,
	issueId: string,
	text: { title: string; whatIsWrong: string; whatToChange: string },
	now: Date
): IssueStep {
	return db.transaction((tx) => {
		const ready = issueReadyFor(tx, issueId, 'edit');
		if (!ready.ok) return ready;
		const { issue } = ready;
		tx.update(forumIssues)
			.set({
				...text,
				originalTitle: issue.originalTitle ?? issue.title,
				originalWhatIsWrong: issue.originalWhatIsWrong ?? issue.whatIsWrong,
				originalWhatToChange: issue.originalWhatToChange ?? issue.whatToChange,
				editedBy: officerId,
				editedAt: now
			})
			.where(eq(forumIssues.id, issueId))
			.run();
		tx.update(issueReports)
			.set({ resolvedAt: now })
			.where(and(eq(issueReports.issueId, issueId), isNull(issueReports.resolvedAt)))
			.run();
		return { ok: true };
	});
}

/**
 * Merge a duplicate into another issue of its forum: its supports (and its raiser, as a
 * supporter) carry over. `target` when `intoId` is not one it can be merged into.
 */
export function mergeIssue(
	db: Db,
	fromId: string,
	intoId: string,
	now: Date
): IssueStep | { ok: false; reason: 'target' } {
	return db.transaction((tx) => {
		const ready = issueReadyFor(tx, fromId, 'merge');
		if (!ready.ok) return ready;
		const from = ready.issue;
		const into = tx.select().from(forumIssues).where(eq(forumIssues.id, intoId)).get();
		if (!into || into.id === fromId || into.forumId !== from.forumId || !mayMergeInto(into.status))
			return { ok: false, reason: 'target' };
		const supporters = tx
			.select({ userId: issueSupports.userId })
			.from(issueSupports)
			.where(eq(issueSupports.issueId, fromId))
			.all()
			.map((row) => row.userId);
		for (const userId of new Set([...supporters, from.raisedBy])) {
			if (userId === into.raisedBy) continue;
			tx.insert(issueSupports)
				.values({ issueId: intoId, userId, createdAt: now })
				.onConflictDoNothing()
				.run();
		}
		tx.update(forumIssues)
			.set({ status: ready.next, mergedInto: intoId })
			.where(eq(forumIssues.id, fromId))
			.run();
		notify(tx, [from.raisedBy], 'board_update', `/me/forum/issues/${intoId}`, now);
		return { ok: true };
	});
}

/** Decline with a reason the young person sees. */
export function declineIssue(db: Db, issueId: string, reason: string, now: Date): IssueStep {
	return db.transaction((tx) => {
		const ready = issueReadyFor(tx, issueId, 'decline');
		if (!ready.ok) return ready;
		tx.update(forumIssues)
			.set({ status: ready.next, declineReason: reason })
			.where(eq(forumIssues.id, issueId))
			.run();
		notify(tx, [ready.issue.raisedBy], 'board_update', `/me/forum/issues/${issueId}`, now);
		return { ok: true };
	});
}

/** Take an issue to the Board: its meetings' agendas can take it up. */
export function takeToBoard(db: Db, issueId: string, now: Date): IssueStep {
	return db.transaction((tx) => {
		const ready = issueReadyFor(tx, issueId, 'take');
		if (!ready.ok) return ready;
		tx.update(forumIssues)
			.set({ status: ready.next, takenToBoardAt: now })
			.where(eq(forumIssues.id, issueId))
			.run();
		return { ok: true };
	});
}

/**
 * "You said, we did": the answer in plain words, published to the young people who raised or
 * supported the issue (who are told), their forum page, and the public page.
 */
export function answerIssue(db: Db, issueId: string, answer: string, now: Date): IssueStep {
	return db.transaction((tx) => {
		const ready = issueReadyFor(tx, issueId, 'answer');
		if (!ready.ok) return ready;
		tx.update(forumIssues)
			.set({ status: ready.next, answer, answeredAt: now })
			.where(eq(forumIssues.id, issueId))
			.run();
		notify(tx, peopleBehind(db, [issueId]), 'board_update', `/me/forum/issues/${issueId}`, now);
		return { ok: true };
	});
}

/** Issues taken to the Board and not yet answered: what a meeting's agenda can take up. */
export function issuesWithBoard(db: Db) {
	return db
		.select({
			id: forumIssues.id,
			title: forumIssues.title,
			forum: forums.name,
			supports: supportCount
		})
		.from(forumIssues)
		.innerJoin(forums, eq(forums.id, forumIssues.forumId))
		.where(eq(forumIssues.status, 'with_board'))
		.orderBy(asc(forumIssues.takenToBoardAt))
		.all();
}

export function createMeeting(db: Db, input: { meetingOn: string; place: string }, now: Date) {
	const id = newId();
	db.insert(boardMeetings)
		.values({ id, ...input, createdAt: now })
		.run();
	return id;
}

export function meetings(db: Db) {
	return db.select().from(boardMeetings).orderBy(desc(boardMeetings.meetingOn)).all();
}

export function addAgendaItem(
	db: Db,
	meetingId: string,
	item: { issueId?: string; title?: string }
) {
	const issue = item.issueId
		? db.select().from(forumIssues).where(eq(forumIssues.id, item.issueId)).get()
		: null;
	const title = issue?.title ?? item.title;
	if (!title) return false;
	const last = db
		.select({ position: max(agendaItems.position) })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.get()?.position;
	db.insert(agendaItems)
		.values({
			id: newId(),
			meetingId,
			issueId: issue?.id ?? null,
			title,
			position: (last ?? 0) + 1
		})
		.run();
	return true;
}

export function saveMeetingRecord(
	db: Db,
	meetingId: string,
	record: { attendees: string; minutes: string }
) {
	db.update(boardMeetings).set(record).where(eq(boardMeetings.id, meetingId)).run();
}

export function meetingDetail(db: Db, meetingId: string, today: string) {
	const meeting = db.select().from(boardMeetings).where(eq(boardMeetings.id, meetingId)).get();
	if (!meeting) return null;
	const agenda = db
		.select({ id: agendaItems.id, title: agendaItems.title, issueId: agendaItems.issueId })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.position))
		.all();
	return { ...meeting, agenda, actions: actionList(db, today, { meetingId }) };
}

/** People who can own an action: Board members and participation officers. */
export function possibleOwners(db: Db) {
	return db
		.selectDistinct({ id: users.id, name: users.displayName })
		.from(users)
		.innerJoin(userRoles, eq(userRoles.userId, users.id))
		.where(
			and(
				inArray(userRoles.role, ['board_member', 'participation_officer']),
				isNull(users.disabledAt)
			)
		)
		.orderBy(asc(users.displayName))
		.all();
}

export function createAction(
	db: Db,
	input: {
		what: string;
		ownerId: string;
		dueOn: string;
		issueId: string | null;
		meetingId: string | null;
	},
	now: Date
): string | null {
	if (!possibleOwners(db).some((owner) => owner.id === input.ownerId)) return null;
	const id = newId();
	db.insert(boardActions)
		.values({ id, ...input, status: 'not_started', progress: 0, createdAt: now })
		.run();
	notify(db, [input.ownerId], 'board_update', `/board/actions/${id}`, now);
	return id;
}

/** Every action with its status as shown today (overdue worked out), overdue and at risk first. */
export function actionList(db: Db, today: string, filter: { meetingId?: string } = {}) {
	return actionRows(db)
		.where(filter.meetingId ? eq(boardActions.meetingId, filter.meetingId) : undefined)
		.all()
		.map((action) => ({ ...action, shownStatus: actionStatusOn(action, today) }))
		.sort(byAttention);
}

/** Actions with their owner's name and the title of the issue each answers. */
function actionRows(db: Db) {
	const owner = alias(users, 'owner');
	return db
		.select({
			id: boardActions.id,
			what: boardActions.what,
			owner: owner.displayName,
			ownerId: boardActions.ownerId,
			dueOn: boardActions.dueOn,
			status: boardActions.status,
			progress: boardActions.progress,
			doneOn: boardActions.doneOn,
			issueId: boardActions.issueId,
			issueTitle: forumIssues.title
		})
		.from(boardActions)
		.innerJoin(owner, eq(owner.id, boardActions.ownerId))
		.leftJoin(forumIssues, eq(forumIssues.id, boardActions.issueId))
		.$dynamic();
}

/** How many actions the Board overview lists: the ones that most need attention. */
export const OVERVIEW_ACTIONS = 50;

/**
 * The Board overview: actions not yet done, overdue first, then at risk, then by due date, up
 * to `limit`; and how many there are of each. Every action is in /board/actions.csv and on its
 * meeting's page, so the overview stays one screen however many years of actions there are.
 */
export function actionsNeedingAttention(db: Db, today: string, limit = OVERVIEW_ACTIONS) {
	const attention = sql<number>`case when ${boardActions.dueOn} < ${today} then 0 when ${boardActions.status} = 'at_risk' then 1 else 2 end`;
	const actions = actionRows(db)
		.where(ne(boardActions.status, 'done'))
		.orderBy(attention, asc(boardActions.dueOn))
		.limit(limit)
		.all()
		.map(({ ownerId: _owner, ...action }) => ({
			...action,
			shownStatus: actionStatusOn(action, today)
		}));
	const counts = db
		.select({
			open: sql<number>`coalesce(sum(${boardActions.status} != 'done'), 0)`,
			overdue: sql<number>`coalesce(sum(${boardActions.status} != 'done' and ${boardActions.dueOn} < ${today}), 0)`,
			done: sql<number>`coalesce(sum(${boardActions.status} = 'done'), 0)`
		})
		.from(boardActions)
		.get()!;
	return { actions, counts };
}

export function actionDetail(db: Db, actionId: string, today: string) {
	const action = actionList(db, today).find((a) => a.id === actionId);
	if (!action) return null;
	const updates = db
		.select({
			id: actionUpdates.id,
			author: users.displayName,
			status: actionUpdates.status,
			progress: actionUpdates.progress,
			note: actionUpdates.note,
			createdAt: actionUpdates.createdAt
		})
		.from(actionUpdates)
		.innerJoin(users, eq(users.id, actionUpdates.authorId))
		.where(eq(actionUpdates.actionId, actionId))
		.orderBy(desc(actionUpdates.createdAt))
		.all();
	return { ...action, updates };
}

/** Owners update their own actions; the Board chair and participation officers update any. */
export function mayUpdateAction(
	db: Db,
	user: { id: string; roles: readonly Role[] },
	action: { ownerId: string }
): boolean {
	if (action.ownerId === user.id || can(user.roles, 'runBoard')) return true;
	const chair = db.select({ id: councilSettings.boardChairId }).from(councilSettings).get()?.id;
	return !!chair && chair === user.id;
}

/** A dated update: status, progress and a note. Done records the day it was done. */
export function updateAction(
	db: Db,
	authorId: string,
	actionId: string,
	input: { status: ChosenActionStatus; progress: number; note: string },
	today: string,
	now: Date
): void {
	const progress = input.status === 'done' ? 100 : input.progress;
	db.transaction((tx) => {
		tx.update(boardActions)
			.set({ status: input.status, progress, doneOn: input.status === 'done' ? today : null })
			.where(eq(boardActions.id, actionId))
			.run();
		tx.insert(actionUpdates)
			.values({ id: newId(), actionId, authorId, ...input, progress, createdAt: now })
			.run();
	});
}

/** Issues for the Board's export: the raiser only when they chose to be named. */
export function boardIssueRows(db: Db) {
	const raiser = alias(users, 'raiser');
	return (
		db
			.select({
				forum: forums.name,
				title: forumIssues.title,
				status: forumIssues.status,
				supports: supportCount,
				createdAt: forumIssues.createdAt,
				answeredAt: forumIssues.answeredAt,
				named: forumIssues.named,
				raiserName: raiser.displayName
			})
			.from(forumIssues)
			.innerJoin(forums, eq(forums.id, forumIssues.forumId))
			.innerJoin(raiser, eq(raiser.id, forumIssues.raisedBy))
			// Only issues an officer has let out: never one waiting for a check.
			.where(forumSeesSql)
			.orderBy(desc(forumIssues.createdAt))
			.all()
			.map(({ named, raiserName, createdAt, answeredAt, ...issue }) => ({
				...issue,
				raisedOn: createdAt.toISOString().slice(0, 10),
				answeredOn: answeredAt?.toISOString().slice(0, 10) ?? null,
				raisedBy: named ? raiserName : null
			}))
	);
}
