import { eq } from 'drizzle-orm';
import {
	nextIssueStatus,
	type IssueAction,
	type IssueRefusal,
	type IssueStatus
} from '$lib/domain/forum';
import type { Executor } from '../db';
import { forumIssues, type ForumIssue } from '../db/schema';

/** What a service that moves an issue on returns: done, or refused by the lifecycle. */
export type IssueStep = { ok: true } | IssueRefusal;

/**
 * The issue and the status `action` takes it to, when the lifecycle (`ISSUE_LIFECYCLE`) allows
 * it now; otherwise why not. Every forum service that acts on an issue asks this first, inside
 * its transaction, so a stale page or a hand-made post cannot skip a step.
 */
export function issueReadyFor(
	tx: Executor,
	issueId: string,
	action: IssueAction
): { ok: true; issue: ForumIssue; next: IssueStatus } | IssueRefusal {
	const issue = tx.select().from(forumIssues).where(eq(forumIssues.id, issueId)).get();
	if (!issue) return { ok: false, reason: 'not_found' };
	const next = nextIssueStatus(issue.status, action);
	if (!next) return { ok: false, reason: 'not_now', status: issue.status };
	return { ok: true, issue, next };
}
