import { AREA_CAPABILITY } from '$lib/domain/roles';
import { layout } from '$lib/server/http/handlers';
import type { LayoutServerLoad } from './$types';

// The area's own guard, for a friendly 403 page; every page and action below checks again.
export const load = layout(AREA_CAPABILITY['/work'], () => {}) satisfies LayoutServerLoad;
