import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { recordAudit } from '$lib/server/audit/log';
import { personalRecord, recordAsText } from '$lib/server/privacy/records';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** Everything Hearth holds about the young person asking, as a text file for their phone. */
export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const db = getDb();
	const record = personalRecord(db, user.id, now());
	if (!record) error(404, m.error_not_found());
	recordAudit(
		db,
		{
			actorId: user.id,
			action: 'data.downloaded',
			subjectUserId: user.id,
			address: event.getClientAddress()
		},
		now()
	);
	return new Response(recordAsText(record, { title: m.my_data_file_title() }), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': 'attachment; filename="hearth-my-information.txt"',
			'cache-control': 'no-store'
		}
	});
};
