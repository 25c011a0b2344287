import { error } from '@sveltejs/kit';
import { requireLinkedYoungPerson } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { youngPersonRecord } from '$lib/server/people/young-people';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireLinkedYoungPerson(event, event.params.id);
	const record = youngPersonRecord(getDb(), event.params.id);
	if (!record) error(404, m.error_not_found());
	return { record };
};
