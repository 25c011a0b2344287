import { error } from '@sveltejs/kit';
import { capabilityForPath } from '$lib/domain/roles';
import { layout } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import type { LayoutServerLoad } from './$types';

// The area's own guard, for a friendly 403 page; every page and action below checks again. It asks
// for the path's capability, not the area's: participation officers edit content under /admin.
export const load = layout('signedIn', (ctx, event) => {
	const capability = capabilityForPath(event.url.pathname);
	if (capability && !ctx.can(capability)) error(403, m.error_forbidden());
}) satisfies LayoutServerLoad;
