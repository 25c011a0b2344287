import { page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

export const load = page('editContent', () => {}) satisfies PageServerLoad;
