import { lastUpdated, pledge } from '$lib/server/offer/content';
import { page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

export const load = page('anyone', ({ db, locale }) => ({
	themes: pledge(db, locale),
	updated: lastUpdated(db, 'pledge')
})) satisfies PageServerLoad;

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
