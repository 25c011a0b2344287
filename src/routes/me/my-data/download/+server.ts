import { endpoint, notFound } from '$lib/server/http/handlers';
import { personalRecord, recordAsText } from '$lib/server/privacy/records';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** Everything Hearth holds about the young person asking, as a text file for their phone. */
export const GET = endpoint('useMyPages', (ctx) => {
	const record = personalRecord(ctx.db, ctx.user.id, ctx.now);
	if (!record) notFound();
	ctx.audit({ action: 'data.downloaded', subjectUserId: ctx.user.id });
	return new Response(recordAsText(record, { title: m.my_data_file_title() }), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': 'attachment; filename="hearth-my-information.txt"',
			'cache-control': 'no-store'
		}
	});
}) satisfies RequestHandler;
