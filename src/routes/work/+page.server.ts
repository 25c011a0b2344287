import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { allYoungPeople, youngPeopleLinkedTo } from '$lib/server/people/young-people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'worker', 'iro', 'manager');
	const db = getDb();
	const mine = youngPeopleLinkedTo(db, user.id);
	return {
		mine,
		everyone: user.roles.includes('manager') ? allYoungPeople(db) : null
	};
};
