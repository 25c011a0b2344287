import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { boardIssueRows } from '$lib/server/forum/board';
import { csv } from '$lib/server/csv';
import type { RequestHandler } from './$types';

/** Issues as the Board may see them: who raised one only when they chose to be named. */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'board_member', 'participation_officer');
	const rows = boardIssueRows(getDb()).map((issue) => [
		issue.forum,
		issue.title,
		issue.status,
		String(issue.supports),
		issue.raisedOn,
		issue.answeredOn ?? '',
		issue.raisedBy ?? ''
	]);
	return csv(
		'forum-issues.csv',
		['forum', 'title', 'status', 'supports', 'raised', 'answered', 'raised_by_if_named'],
		rows
	);
};
