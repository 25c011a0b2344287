import { getCouncilSettings } from '$lib/server/council/settings';
import { page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

export const load = page('anyone', (ctx) => {
	const settings = getCouncilSettings(ctx.db);
	return { phone: settings?.phone ?? null, outOfHoursPhone: settings?.outOfHoursPhone ?? null };
}) satisfies PageServerLoad;

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
