/**
 * Forums and the Board: issues young people raise, what the Board does about them, and the
 * answer that goes back ("you said, we did"). Pure rules only.
 */
/** `awaiting`: raised, not yet checked by a participation officer; only the raiser and officers see it. */
export const ISSUE_STATUSES = [
	'awaiting',
	'open',
	'with_board',
	'answered',
	'declined',
	'merged'
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** Statuses other young people and the Board see an issue in (once checked, or from before checks). */
export const SHOWN_STATUSES = ['open', 'with_board', 'answered'] as const satisfies IssueStatus[];

/**
 * What can be done to an issue. Participation officers: approve (let it out to its forum), edit
 * (take out personal details), take (to the Board), answer ("you said, we did"), merge (into a
 * duplicate), decline (with a reason), concern (make it a safeguarding concern). Young people:
 * support, report (to an officer), feedback ("did this help?").
 */
export const ISSUE_ACTIONS = [
	'approve',
	'edit',
	'take',
	'answer',
	'merge',
	'decline',
	'concern',
	'support',
	'report',
	'feedback'
] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

/**
 * The issue lifecycle, one row per status: the actions allowed in it and the status each leaves
 * the issue in. Anything not in a row is refused in that status. A concern is never refused
 * (safeguarding comes first) and takes an issue the forum reads back to waiting for a check.
 * Answering publishes the words, so an issue is checked (approved) before it can be answered.
 */
export const ISSUE_LIFECYCLE = {
	awaiting: {
		approve: 'open',
		edit: 'awaiting',
		merge: 'merged',
		decline: 'declined',
		concern: 'awaiting'
	},
	open: {
		edit: 'open',
		take: 'with_board',
		answer: 'answered',
		merge: 'merged',
		decline: 'declined',
		concern: 'awaiting',
		support: 'open',
		report: 'open'
	},
	with_board: {
		edit: 'with_board',
		answer: 'answered',
		merge: 'merged',
		decline: 'declined',
		concern: 'with_board',
		support: 'with_board',
		report: 'with_board'
	},
	answered: { concern: 'answered', report: 'answered', feedback: 'answered' },
	declined: { concern: 'declined', report: 'declined' },
	merged: { concern: 'merged' }
} as const satisfies Record<IssueStatus, Partial<Record<IssueAction, IssueStatus>>>;

/** The status `action` leaves an issue in, or null when it may not be done in `status`. */
export function nextIssueStatus(status: IssueStatus, action: IssueAction): IssueStatus | null {
	const row: Partial<Record<IssueAction, IssueStatus>> = ISSUE_LIFECYCLE[status];
	return row[action] ?? null;
}

/** Whether `action` may be done to an issue in `status`. */
export function issueMay(status: IssueStatus, action: IssueAction): boolean {
	return nextIssueStatus(status, action) !== null;
}

/**
 * Still live: an officer has a decision to make about it (something other than a concern can
 * still move it on). Officers' queue lists these.
 */
export function issueIsLive(status: IssueStatus): boolean {
	return ISSUE_ACTIONS.some((action) => {
		const next = action === 'concern' ? null : nextIssueStatus(status, action);
		return next !== null && next !== status;
	});
}

export const LIVE_STATUSES = ISSUE_STATUSES.filter(issueIsLive);

/**
 * A duplicate's supporters (and its raiser) become supporters of the issue it is merged into,
 * so that issue must be one young people can support.
 */
export function mayMergeInto(status: IssueStatus): boolean {
	return issueMay(status, 'support');
}

export const MERGE_INTO_STATUSES = ISSUE_STATUSES.filter(mayMergeInto);

/** Why an action on an issue was refused: there is no such issue, or not in the status it is in. */
export type IssueRefusal =
	{ ok: false; reason: 'not_found' } | { ok: false; reason: 'not_now'; status: IssueStatus };

/**
 * Whether an issue is out for its forum's members and the Board to see: checked and let out by
 * a participation officer. Never while it waits for a check, never once merged away, and a
 * declined one only if it had been let out before. `forumSeesSql` in the server is this rule in SQL.
 */
export function forumMaySee(issue: { status: IssueStatus; approvedAt: Date | null }): boolean {
	return (
		(SHOWN_STATUSES as readonly IssueStatus[]).includes(issue.status) ||
		(issue.status === 'declined' && issue.approvedAt !== null)
	);
}

/**
 * Who may see a forum issue, as a young person: the raiser always; other members of its forum
 * only when `forumMaySee`. Officers see every issue (their pages check the role).
 */
export function youngPersonMaySeeIssue(
	issue: { status: IssueStatus; raisedBy: string; approvedAt: Date | null },
	viewerId: string,
	memberOfItsForum: boolean
): boolean {
	if (issue.raisedBy === viewerId) return true;
	return memberOfItsForum && forumMaySee(issue);
}

/** Why an issue was declined is for the young person who raised it, no one else. */
export function mayReadDeclineReason(issue: { raisedBy: string }, viewerId: string): boolean {
	return issue.raisedBy === viewerId;
}

/** What a safeguarding concern is about: nothing more, or an allegation against staff or a carer. */
export const ALLEGATIONS = ['none', 'staff', 'carer'] as const;
export type Allegation = (typeof ALLEGATIONS)[number];

/** An allegation against someone who works with children goes to the council's LADO. */
export function needsLado(allegation: Allegation): boolean {
	return allegation !== 'none';
}

export const ISSUE_TITLE_MAX = 120;
export const ISSUE_TEXT_MAX = 2000;

/** How an action stands. "Overdue" is never chosen: it is what an unfinished action past its date is. */
export const ACTION_STATUSES = ['not_started', 'on_track', 'at_risk', 'overdue', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const CHOSEN_ACTION_STATUSES = ['not_started', 'on_track', 'at_risk', 'done'] as const;
export type ChosenActionStatus = (typeof CHOSEN_ACTION_STATUSES)[number];

/** The status to show on `today`: overdue once the due date has passed and it is not done. */
export function actionStatusOn(
	action: { status: ChosenActionStatus; dueOn: string },
	today: string
): ActionStatus {
	if (action.status !== 'done' && today > action.dueOn) return 'overdue';
	return action.status;
}

const ATTENTION: Record<ActionStatus, number> = {
	overdue: 0,
	at_risk: 1,
	not_started: 2,
	on_track: 3,
	done: 4
};

/** Overdue and at-risk actions first, then by due date. */
export function byAttention<T extends { shownStatus: ActionStatus; dueOn: string }>(
	a: T,
	b: T
): number {
	return ATTENTION[a.shownStatus] - ATTENTION[b.shownStatus] || a.dueOn.localeCompare(b.dueOn);
}

/** Whether an action was done by its due date (for "actions on time"). */
export function doneOnTime(action: { dueOn: string; doneOn: string | null }): boolean {
	return !!action.doneOn && action.doneOn <= action.dueOn;
}

/** Did the answer help? asked of the young people who raised or supported the issue. */
export const HELPED = ['yes', 'partly', 'no'] as const;
export type Helped = (typeof HELPED)[number];

/** Measures the performance team enters each quarter, beside Hearth's own. */
export const ENTERED_MEASURES = [
	{ id: 'children_in_care_rate', unit: 'per_10000' },
	{ id: 'care_leavers_in_touch', unit: 'percent' },
	{ id: 'care_leavers_suitable_accommodation', unit: 'percent' },
	{ id: 'care_leavers_eet', unit: 'percent' }
] as const;
export type EnteredMeasureId = (typeof ENTERED_MEASURES)[number]['id'];

/** Whole days between two moments, for "how long it took". */
export function daysBetween(from: Date, to: Date): number {
	return Math.max(0, Math.round((to.getTime() - from.getTime()) / 86_400_000));
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
