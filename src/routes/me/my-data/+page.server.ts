import { getCouncilSettings } from '$lib/server/council/settings';
import { page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx) => ({
	retentionMonths: getCouncilSettings(ctx.db)?.retentionMonths ?? 24
})) satisfies PageServerLoad;

export const csr = false;
