import { accountFilterSchema } from '$lib/server/accounts/admin-schemas';
import { listAccounts } from '$lib/server/accounts/accounts';
import { page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

export const load = page('administer', (ctx, event) => {
	const filter = accountFilterSchema.parse(Object.fromEntries(event.url.searchParams));
	return { filter, accounts: listAccounts(ctx.db, filter) };
}) satisfies PageServerLoad;
