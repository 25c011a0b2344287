import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { reviewWorkList } from '$lib/server/reviews/reviews';
import { ukToday } from '$lib/domain/people';
import { now } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'iro', 'worker', 'manager');
	return {
		children: reviewWorkList(getDb(), user.id, ukToday(now())),
		canExport: user.roles.includes('manager')
	};
};
