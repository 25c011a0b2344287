import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { recordAudit } from '$lib/server/audit/log';
import { lockSession } from '$lib/server/auth/session';
import { DEFAULT_SETTINGS, getCouncilSettings } from '$lib/server/council/settings';
import type { RequestEvent, RequestHandler } from './$types';
import { now } from '$lib/server/clock';

/**
 * Quick exit locks this device's session: from now on every signed-in page here asks for the
 * password again (/unlock), so Back, or someone picking the phone up, finds nothing of theirs.
 * Only this session: the young person stays signed in on their other devices.
 */
function lockThisDevice(event: RequestEvent): void {
	const session = event.locals.session;
	const owner = event.locals.user ?? event.locals.locked?.user;
	if (!session || !owner) return;
	const db = getDb();
	if (lockSession(db, session.id, now()))
		recordAudit(
			db,
			{
				actorId: owner.id,
				action: 'session.locked',
				address: event.getClientAddress()
			},
			now()
		);
}

/**
 * The quick-exit link itself (no JavaScript): lock, then straight on to the council's neutral
 * site. A GET, so the link works as a plain link; all it can do is lock, which a stranger's link
 * could only make a young person type their password again.
 */
export const GET: RequestHandler = (event) => {
	lockThisDevice(event);
	const to = getCouncilSettings(getDb())?.quickExitUrl ?? DEFAULT_SETTINGS.quickExitUrl;
	redirect(303, to);
};

/**
 * With JavaScript the page leaves at once and sends this on its way out (`keepalive`), so the
 * exit never waits on a slow signal; the service worker holds back the next page until it is in.
 */
export const POST: RequestHandler = (event) => {
	lockThisDevice(event);
	return new Response(null, { status: 204 });
};
