import { accountFilterSchema } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { listAccounts } from '$lib/server/accounts/accounts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const filter = accountFilterSchema.parse(Object.fromEntries(event.url.searchParams));
	return { filter, accounts: listAccounts(getDb(), filter) };
};
