import { getDb } from '$lib/server/db';
import { lastUpdated, pledge } from '$lib/server/offer/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const db = getDb();
	return { themes: pledge(db), updated: lastUpdated(db, 'pledge') };
};

// No framework JavaScript: the page works as plain HTML, and static/enhance.js does the rest.
export const csr = false;
