import { rolesForPath } from '$lib/domain/roles';
import { requireRole } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	requireRole(event, ...(rolesForPath(event.url.pathname) ?? []));
};
