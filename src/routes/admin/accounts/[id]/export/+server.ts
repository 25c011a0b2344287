import { error } from '@sveltejs/kit';
import { endpoint } from '$lib/server/http/handlers';
import { personalRecord } from '$lib/server/privacy/records';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** An admin exports everything about one person (a subject access request), and it is audited. */
export const GET = endpoint('administer', (ctx, event) => {
	const record = personalRecord(ctx.db, event.params.id, ctx.now);
	if (!record) error(404, m.error_not_found());
	ctx.audit({ action: 'data.exported', subjectUserId: event.params.id });
	return new Response(JSON.stringify(record, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="hearth-${record.account.username}.json"`,
			'cache-control': 'no-store'
		}
	});
}) satisfies RequestHandler;
