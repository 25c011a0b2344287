import { rolesForPath } from '$lib/domain/roles';
import { requireRole } from '$lib/server/auth/guard';
import { newId } from '$lib/server/ids';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	// Reading the path makes this run again on every page, so each page gets a fresh key
	// for "I feel unsafe": a double tap raises one alert, a later tap raises a new one.
	const user = requireRole(event, ...(rolesForPath(event.url.pathname) ?? []));
	return {
		unsafeKey: newId(),
		owner: user.id
	};
};
