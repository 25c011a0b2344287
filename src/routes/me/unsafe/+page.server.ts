import { redirect } from '@sveltejs/kit';
import { clientKeySchema } from '$lib/schemas/voice';
import { requireRole } from '$lib/server/auth/guard';
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
		const user = requireRole(event, 'young_person', 'forum_member');
		// Even a body that cannot be read raises the alert.
		const formData = await event.request.formData().catch(() => new FormData());
		// A missing or odd key still raises an alert: a child must never be refused here.
		const key = clientKeySchema.safeParse(text(formData, 'clientKey'));
		const alert = submitUnsafe(getDb(), user.id, key.success ? key.data : newId(), now());
		redirect(303, `/me/unsafe/${alert.id}`);
	}
};
