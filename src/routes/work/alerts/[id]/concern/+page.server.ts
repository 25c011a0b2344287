import { concernForAlert } from '$lib/server/forum/moderation';
import { notFound, page } from '$lib/server/http/handlers';
import { openAlert } from '$lib/server/voice/access';
import type { PageServerLoad } from './$types';

/**
 * The words a safeguarding concern is about, for the staff who may open its alert (the same
 * rule: linked to the young person today, or a manager; audited).
 */
export const load = page('openRecords', (ctx, event) => {
	const alert = openAlert(ctx, event.params.id, event.url.pathname);
	const concern = concernForAlert(ctx.db, alert.id);
	if (!concern) notFound();
	const { youngPersonId: _id, issueId: _issue, promiseId: _promise, ...shown } = concern;
	return { alert: { id: alert.id, name: alert.name, source: alert.source }, concern: shown };
}) satisfies PageServerLoad;
