import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/cookies';
import { action, formActions, page } from '$lib/server/http/handlers';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link could be followed by a prefetch); a visit just goes home.
export const load = page('anyone', () => redirect(303, '/')) satisfies PageServerLoad;

export const actions = formActions({
	default: action('anyone', (ctx, event) => {
		if (ctx.user) ctx.audit({ action: 'signed_out' });
		endSession(event);
		redirect(303, '/signin?signed-out');
	})
}) satisfies Actions;
