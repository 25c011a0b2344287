import { requireRole } from '$lib/server/auth/guard';
import { inviteStaff, inviteYoungPerson, linkChoices } from '$lib/server/accounts/invite-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return { choices: linkChoices() };
};

export const actions: Actions = {
	staff: async (event) => {
		const admin = requireRole(event, 'admin');
		return inviteStaff(event, admin.id);
	},
	youngPerson: async (event) => {
		const admin = requireRole(event, 'admin');
		return inviteYoungPerson(event, admin.id);
	}
};
