import { ukToday } from '$lib/domain/people';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { actionList } from '$lib/server/forum/board';
import { csv } from '$lib/server/csv';
import { now } from '$lib/server/clock';
import type { RequestHandler } from './$types';

/** Every Board action with its status as it stands today. */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'board_member', 'participation_officer');
	const rows = actionList(getDb(), ukToday(now())).map((action) => [
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
};
