import { templatesFor } from '$lib/domain/voice';
import { page } from '$lib/server/http/handlers';
import { careStatusOf } from '$lib/server/voice/statements';
import type { PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx) => {
	const careStatus = careStatusOf(ctx.db, ctx.user.id, ctx.today) ?? 'in_care';
	return { templates: templatesFor(careStatus).map((template) => template.id) };
}) satisfies PageServerLoad;
