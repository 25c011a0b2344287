import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

/** Signed-in people go straight to their home; everyone else sees what Hearth is. */
export const load = page('anyone', (ctx) => {
	if (ctx.user) redirect(303, landingFor(ctx.user.roles));
}) satisfies PageServerLoad;

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
