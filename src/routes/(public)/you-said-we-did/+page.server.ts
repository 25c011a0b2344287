import { getDb } from '$lib/server/db';
import { youSaidWeDid } from '$lib/server/forum/issues';
import type { PageServerLoad } from './$types';

/** Public: what young people asked for and what was done. Names only where they chose. */
export const load: PageServerLoad = () => ({ answered: youSaidWeDid(getDb()) });

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
