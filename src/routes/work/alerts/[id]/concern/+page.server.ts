import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { concernForAlert } from '$lib/server/forum/moderation';
import { requireAlertAccess } from '$lib/server/voice/access';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/**
 * The words a safeguarding concern is about, for the staff who may open its alert (the same
 * rule: linked to the young person today, or a manager; audited).
 */
export const load: PageServerLoad = (event) => {
	const { alert } = requireAlertAccess(event, event.params.id);
	const db = getDb();
	const concern = concernForAlert(db, alert.id);
	if (!concern) error(404, m.error_not_found());
	const { youngPersonId: _id, issueId: _issue, promiseId: _promise, ...shown } = concern;
	return { alert: { id: alert.id, name: alert.name, source: alert.source }, concern: shown };
};
