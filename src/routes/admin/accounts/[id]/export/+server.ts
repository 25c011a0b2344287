import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { recordAudit } from '$lib/server/audit/log';
import { personalRecord } from '$lib/server/privacy/records';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** An admin exports everything about one person (a subject access request), and it is audited. */
export const GET: RequestHandler = (event) => {
	const admin = requireRole(event, 'admin');
	const db = getDb();
	const record = personalRecord(db, event.params.id, now());
	if (!record) error(404, m.error_not_found());
	recordAudit(
		db,
		{
			actorId: admin.id,
			action: 'data.exported',
			subjectUserId: event.params.id,
			address: event.getClientAddress()
		},
		now()
	);
	return new Response(JSON.stringify(record, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="hearth-${record.account.username}.json"`,
			'cache-control': 'no-store'
		}
	});
};
