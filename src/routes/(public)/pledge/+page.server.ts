import { getDb } from '$lib/server/db';
import { lastUpdated, pledge } from '$lib/server/offer/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const db = getDb();
	return { themes: pledge(db), updated: lastUpdated(db, 'pledge') };
};
