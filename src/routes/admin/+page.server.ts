import { page } from '$lib/server/http/handlers';
import { alertsFor, shownAlerts } from '$lib/server/voice/inbox';
import { pendingInvitationsBy } from '$lib/server/accounts/invitations';
import type { PageServerLoad } from './$types';

export const load = page('administer', (ctx) => ({
	pending: pendingInvitationsBy(ctx.db, null, ctx.now),
	// An admin who is also a manager sees the open safety alerts here too.
	alerts: ctx.can('seeEveryAlert') ? shownAlerts(alertsFor(ctx.db, ctx.user, ctx.now)) : null
})) satisfies PageServerLoad;
