import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const settings = getCouncilSettings(getDb());
	return { phone: settings?.phone ?? null, outOfHoursPhone: settings?.outOfHoursPhone ?? null };
};
