import { getCouncilSettings } from '$lib/server/council/settings';
import { requireUser } from '$lib/server/auth/guard';
import { notFound, page } from '$lib/server/http/handlers';
import { myAlertStatus } from '$lib/server/voice/safety';
import type { PageServerLoad } from './$types';

export const load = page('askForHelp', (ctx, event) => {
	// On a device quick exit locked nothing of theirs is shown: the password first (/unlock).
	if (ctx.locked) requireUser(event);
	const alert = myAlertStatus(ctx.db, ctx.user.id, event.params.id);
	// Someone else's alert looks the same as one that does not exist.
	if (!alert) notFound();
	return {
		seen: alert.seen,
		dealtWith: alert.dealtWith,
		raisedForThem: alert.raisedForThem,
		outOfHours: getCouncilSettings(ctx.db)?.outOfHoursPhone ?? null
	};
}) satisfies PageServerLoad;
