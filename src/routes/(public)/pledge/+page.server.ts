import { getDb } from '$lib/server/db';
import { lastUpdated, pledge } from '$lib/server/offer/content';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const db = getDb();
	return { themes: pledge(db, getLocale()), updated: lastUpdated(db, 'pledge') };
};

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
