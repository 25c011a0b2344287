import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { myStatements } from '$lib/server/voice/statements';
import { myAlerts } from '$lib/server/voice/safety';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const db = getDb();
	return { statements: myStatements(db, user.id), alerts: myAlerts(db, user.id) };
};
