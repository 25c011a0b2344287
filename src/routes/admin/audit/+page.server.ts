import { auditFilterSchema } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { searchAudit } from '$lib/server/audit/log';
import { fieldErrors } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const raw = Object.fromEntries(event.url.searchParams);
	const parsed = auditFilterSchema.safeParse(raw);
	if (!parsed.success) {
		return { values: raw, errors: fieldErrors(parsed.error), entries: [], page: 1, hasMore: false };
	}
	return { values: raw, errors: {}, ...searchAudit(getDb(), parsed.data) };
};
