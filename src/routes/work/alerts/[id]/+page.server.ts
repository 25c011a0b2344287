import { getDb } from '$lib/server/db';
import { requireAlertAccess } from '$lib/server/voice/access';
import { acknowledgeSafetyAlert, safetyAlert } from '$lib/server/voice/safety';
import { now } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { alert } = requireAlertAccess(event, event.params.id);
	const { youngPersonId: _id, ...shown } = alert;
	return { alert: shown, now: now() };
};

export const actions: Actions = {
	acknowledge: async (event) => {
		const { user } = requireAlertAccess(event, event.params.id);
		acknowledgeSafetyAlert(getDb(), user.id, event.params.id, now());
		return { acknowledged: !!safetyAlert(getDb(), event.params.id)?.acknowledgedAt };
	}
};
