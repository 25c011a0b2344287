import { isStaff } from '$lib/domain/roles';
import { workPhoneSchema } from '$lib/server/accounts/account-schemas';
import { preferencesSchema, removeDeviceSchema } from '$lib/server/notify/push-schemas';
import { formInput } from '$lib/server/http/form';
import { action, formActions, page } from '$lib/server/http/handlers';
import { devicesOf, removeSubscription } from '$lib/server/notify/devices';
import { preferencesOf, savePreferences } from '$lib/server/notify/preferences';
import { vapidKeys } from '$lib/server/notify/vapid';
import { setWorkPhone, workPhoneOf } from '$lib/server/voice/people';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Everyone signed in chooses their own notifications; staff also give a work phone here.
export const load = page('signedIn', (ctx) => ({
	preferences: preferencesOf(ctx.db, ctx.user.id, ctx.user.roles),
	devices: devicesOf(ctx.db, ctx.user.id),
	vapidPublicKey: vapidKeys().publicKey,
	// Staff's notifications start on, and their quiet hours never hold back a safety alert.
	isStaff: isStaff(ctx.user.roles),
	// Staff give a work phone here, for a duty manager to ring about a safety alert.
	givesWorkPhone: ctx.can('giveWorkPhone'),
	workPhone: ctx.can('giveWorkPhone') ? workPhoneOf(ctx.db, ctx.user.id) : null
})) satisfies PageServerLoad;

/** The notifications form: a ticked box is sent as present, whatever its value. */
const preferencesForm = {
	schema: preferencesSchema,
	read: (formData: FormData) => ({
		...formInput(preferencesSchema, formData),
		pushEnabled: formData.has('pushEnabled')
	})
};

export const actions = formActions({
	save: action('signedIn', preferencesForm, (ctx, preferences) => {
		savePreferences(ctx.db, ctx.user.id, preferences, ctx.now);
		return { done: m.push_saved() };
	}),
	workPhone: action('giveWorkPhone', workPhoneSchema, (ctx, { workPhone }) => {
		setWorkPhone(ctx.db, ctx.user.id, ctx.user.id, workPhone, ctx.now);
		return { done: m.work_phone_saved() };
	}),
	removeDevice: action('signedIn', removeDeviceSchema, (ctx, { id }) => {
		removeSubscription(ctx.db, ctx.user.id, { id });
		return { removed: true };
	})
}) satisfies Actions;
