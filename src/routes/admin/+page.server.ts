import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { pendingInvitationsBy } from '$lib/server/accounts/invitations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return { pending: pendingInvitationsBy(getDb(), null) };
};
