import { preferencesSchema } from '$lib/schemas/push';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { devicesOf, removeSubscription } from '$lib/server/notify/devices';
import { preferencesOf, savePreferences } from '$lib/server/notify/preferences';
import { vapidKeys } from '$lib/server/notify/vapid';
import { parseForm, text } from '$lib/server/forms';
import { error } from '@sveltejs/kit';
import { isStaff } from '$lib/domain/roles';
import { workPhoneSchema } from '$lib/schemas/account';
import { setWorkPhone, workPhoneOf } from '$lib/server/voice/people';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	return {
		preferences: preferencesOf(db, user.id, user.roles),
		devices: devicesOf(db, user.id),
		vapidPublicKey: vapidKeys().publicKey,
		isStaff: isStaff(user.roles),
		// Staff give a work phone here, for a duty manager to ring about a safety alert.
		workPhone: isStaff(user.roles) ? workPhoneOf(db, user.id) : null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const formData = await event.request.formData();
		const parsed = parseForm(
			preferencesSchema,
			{
				pushEnabled: formData.has('pushEnabled'),
				quietStart: text(formData, 'quietStart'),
				quietEnd: text(formData, 'quietEnd')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		savePreferences(getDb(), user.id, parsed.data, now());
		return { saved: true };
	},
	workPhone: async (event) => {
		const user = requireUser(event);
		if (!isStaff(user.roles)) error(403, m.error_forbidden());
		const formData = await event.request.formData();
		const parsed = parseForm(workPhoneSchema, { workPhone: text(formData, 'workPhone') }, formData);
		if (!parsed.ok) return parsed.failure;
		setWorkPhone(getDb(), user.id, user.id, parsed.data.workPhone, now());
		return { phoneSaved: true };
	},
	removeDevice: async (event) => {
		const user = requireUser(event);
		removeSubscription(getDb(), user.id, {
			id: text(await event.request.formData(), 'id').slice(0, 64)
		});
		return { removed: true };
	}
};
