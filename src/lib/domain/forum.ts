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
