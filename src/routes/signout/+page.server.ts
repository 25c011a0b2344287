import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { recordAudit } from '$lib/server/audit/log';
import { endSession } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

// Signing out is a POST (a link could be followed by a prefetch); a visit just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: (event) => {
		if (event.locals.user) {
			recordAudit(getDb(), { actorId: event.locals.user.id, action: 'signed_out' }, now());
		}
		endSession(event);
		redirect(303, '/signin?signed-out');
	}
};
