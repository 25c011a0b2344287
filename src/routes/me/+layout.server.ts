import { AREA_CAPABILITY } from '$lib/domain/roles';
import { layout } from '$lib/server/http/handlers';
import type { LayoutServerLoad } from './$types';

// "I feel unsafe" and its fresh key per page come from the root layout (every young person's
// page has it, not only these).
export const load = layout(AREA_CAPABILITY['/me'], (ctx) => ({
	/** Whose what is sent is, on a shared phone. */
	owner: ctx.user.id,
	/** The worker sitting with them ("with me"): what they send now is made together. */
	withMeName: ctx.withMe()?.workerName ?? null
})) satisfies LayoutServerLoad;
