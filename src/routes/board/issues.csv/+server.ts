import { endpoint } from '$lib/server/http/handlers';
import { boardIssueRows } from '$lib/server/forum/board';
import { csv } from '$lib/server/csv';
import type { RequestHandler } from './$types';

/** Issues as the Board may see them: who raised one only when they chose to be named. */
export const GET = endpoint('seeBoard', (ctx) => {
	const rows = boardIssueRows(ctx.db).map((issue) => [
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
}) satisfies RequestHandler;
