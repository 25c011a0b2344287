import { requireRole } from '$lib/server/auth/guard';
import { getCouncilSettings } from '$lib/server/council/settings';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'young_person', 'forum_member');
	return { retentionMonths: getCouncilSettings(getDb())?.retentionMonths ?? 24 };
};

export const csr = false;
