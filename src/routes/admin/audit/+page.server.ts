import { auditFilterSchema } from '$lib/server/accounts/admin-schemas';
import { searchAudit } from '$lib/server/audit/log';
import { fieldErrors } from '$lib/server/http/form';
import { page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

export const load = page('administer', (ctx, event) => {
	const raw = Object.fromEntries(event.url.searchParams);
	const parsed = auditFilterSchema.safeParse(raw);
	if (!parsed.success) {
		return { values: raw, errors: fieldErrors(parsed.error), entries: [], page: 1, hasMore: false };
	}
	return { values: raw, errors: {}, ...searchAudit(ctx.db, parsed.data) };
}) satisfies PageServerLoad;
