import { templatesFor } from '$lib/domain/voice';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { careStatusOf } from '$lib/server/voice/statements';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const careStatus = careStatusOf(getDb(), user.id) ?? 'in_care';
	return { templates: templatesFor(careStatus).map((template) => template.id) };
};
