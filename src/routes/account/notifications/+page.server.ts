import { preferencesSchema } from '$lib/schemas/push';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { devicesOf, removeSubscription } from '$lib/server/notify/devices';
import { preferencesOf, savePreferences } from '$lib/server/notify/preferences';
import { vapidKeys } from '$lib/server/notify/vapid';
import { parseForm, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	return {
		preferences: preferencesOf(db, user.id, user.roles),
		devices: devicesOf(db, user.id),
		vapidPublicKey: vapidKeys().publicKey,
		isStaff: !user.roles.every((role) => role === 'young_person' || role === 'forum_member')
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
		savePreferences(getDb(), user.id, parsed.data);
		return { saved: true };
	},
	removeDevice: async (event) => {
		const user = requireUser(event);
		removeSubscription(getDb(), user.id, {
			id: text(await event.request.formData(), 'id').slice(0, 64)
		});
		return { removed: true };
	}
};
