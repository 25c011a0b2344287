import { redirect } from '@sveltejs/kit';
import { clientKeySchema } from '$lib/schemas/voice';
import { askingForHelp, requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import { submitUnsafe } from '$lib/server/voice/submit';
import { newId } from '$lib/server/ids';
import { text } from '$lib/server/forms';
import { now } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'young_person', 'forum_member');
	return { outOfHours: getCouncilSettings(getDb())?.outOfHoursPhone ?? null };
};

export const actions: Actions = {
	/** One tap: the alert is raised before anything else can go wrong. */
	default: async (event) => {
		// A device quick exit locked still raises the alert: the lock is against whoever holds the
		// phone, never against the child asking for help. Their alert page waits for the password.
		const { user, locked } = askingForHelp(event);
		// Even a body that cannot be read raises the alert.
		const formData = await event.request.formData().catch(() => new FormData());
		// A missing or odd key still raises an alert: a child must never be refused here.
		const key = clientKeySchema.safeParse(text(formData, 'clientKey'));
		const alert = submitUnsafe(getDb(), user.id, key.success ? key.data : newId(), now());
		// `#told`: the page opens at "We've told your worker", not at the button above the menu.
		redirect(303, locked ? '/kept/told#told' : `/me/unsafe/${alert.id}#told`);
	}
};
