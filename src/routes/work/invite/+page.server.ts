import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { inviteYoungPerson, linkChoices } from '$lib/server/accounts/invite-form';
import { pendingInvitationsBy } from '$lib/server/accounts/invitations';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

const INVITERS = ['worker', 'manager'] as const;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, ...INVITERS);
	return { choices: linkChoices(), pending: pendingInvitationsBy(getDb(), user.id, now()) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, ...INVITERS);
		return inviteYoungPerson(event, user.id);
	}
};
