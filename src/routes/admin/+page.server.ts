import { seesEveryAlert } from '$lib/domain/roles';
import { requireRole } from '$lib/server/auth/guard';
import { alertsFor, shownAlerts } from '$lib/server/voice/inbox';
import { now } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { pendingInvitationsBy } from '$lib/server/accounts/invitations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'admin');
	const db = getDb();
	return {
		pending: pendingInvitationsBy(db, null, now()),
		// An admin who is also a manager sees the open safety alerts here too.
		alerts: seesEveryAlert(user.roles) ? shownAlerts(alertsFor(db, user, now())) : null
	};
};
