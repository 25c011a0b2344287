import { youSaidWeDid } from '$lib/server/forum/issues';
import { page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

/** Public: what young people asked for and what was done. Names only where they chose. */
export const load = page('anyone', (ctx) => ({
	answered: youSaidWeDid(ctx.db)
})) satisfies PageServerLoad;

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
