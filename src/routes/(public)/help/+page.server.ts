import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const settings = getCouncilSettings(getDb());
	return { phone: settings?.phone ?? null, outOfHoursPhone: settings?.outOfHoursPhone ?? null };
};

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
