import { redirect } from '@sveltejs/kit';
import { lockSession } from '$lib/server/auth/session';
import { DEFAULT_SETTINGS, getCouncilSettings } from '$lib/server/council/settings';
import type { RequestContext } from '$lib/server/http/context';
import { endpoint } from '$lib/server/http/handlers';
import type { RequestEvent, RequestHandler } from './$types';

/**
 * Quick exit locks this device's session: from now on every signed-in page here asks for the
 * password again (/unlock), so Back, or someone picking the phone up, finds nothing of theirs.
 * Only this session: the young person stays signed in on their other devices. Open to anyone:
 * a device already locked, or nobody signed in, just leaves.
 */
function lockThisDevice(ctx: RequestContext, event: RequestEvent): void {
	const session = event.locals.session;
	const owner = event.locals.user ?? event.locals.locked?.user;
	if (!session || !owner) return;
	if (lockSession(ctx.db, session.id, ctx.now))
		ctx.audit({ actorId: owner.id, action: 'session.locked' });
}

/**
 * The quick-exit link itself (no JavaScript): lock, then straight on to the council's neutral
 * site. A GET, so the link works as a plain link; all it can do is lock, which a stranger's link
 * could only make a young person type their password again.
 */
export const GET = endpoint('anyone', (ctx, event: RequestEvent) => {
	lockThisDevice(ctx, event);
	const to = getCouncilSettings(ctx.db)?.quickExitUrl ?? DEFAULT_SETTINGS.quickExitUrl;
	redirect(303, to);
}) satisfies RequestHandler;

/**
 * With JavaScript the page leaves at once and sends this on its way out (`keepalive`), so the
 * exit never waits on a slow signal; the service worker holds back the next page until it is in.
 */
export const POST = endpoint('anyone', (ctx, event: RequestEvent) => {
	lockThisDevice(ctx, event);
	return new Response(null, { status: 204 });
}) satisfies RequestHandler;
