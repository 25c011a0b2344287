import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { myStatements } from '$lib/server/voice/statements';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	return { statements: myStatements(getDb(), user.id) };
};
