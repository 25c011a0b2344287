import { page } from '$lib/server/http/handlers';
import { moderationQueue } from '$lib/server/forum/board';
import type { PageServerLoad } from './$types';

export const load = page('moderateIssues', (ctx) => ({
	issues: moderationQueue(ctx.db)
})) satisfies PageServerLoad;
