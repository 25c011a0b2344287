import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { moderationQueue } from '$lib/server/forum/board';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'participation_officer');
	return { issues: moderationQueue(getDb()) };
};
