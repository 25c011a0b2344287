import { endpoint } from '$lib/server/http/handlers';
import { actionList } from '$lib/server/forum/board';
import { csv } from '$lib/server/csv';
import type { RequestHandler } from './$types';

/** Every Board action with its status as it stands today. */
export const GET = endpoint('seeBoard', (ctx) => {
	const rows = actionList(ctx.db, ctx.today).map((action) => [
		action.what,
		action.owner,
		action.dueOn,
		action.shownStatus,
		String(action.progress),
		action.doneOn ?? '',
		action.issueTitle ?? ''
	]);
	return csv(
		'board-actions.csv',
		['action', 'owner', 'due', 'status', 'progress', 'done', 'answers_issue'],
		rows
	);
}) satisfies RequestHandler;
