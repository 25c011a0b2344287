import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { myWorkers } from '$lib/server/people/young-people';
import { myStatements } from '$lib/server/voice/statements';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	return {
		name: user.displayName,
		workers: myWorkers(getDb(), user.id),
		newReplies: myStatements(getDb(), user.id).filter((statement) => statement.newReply).length,
		welcome: event.url.searchParams.has('welcome')
	};
};
