import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import type { PageServerLoad } from './$types';

/** Signed-in people go straight to their home; everyone else sees what Hearth is. */
export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, landingFor(locals.user.roles));
};

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
