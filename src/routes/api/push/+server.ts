import { error, json } from '@sveltejs/kit';
import { subscriptionSchema, unsubscribeSchema } from '$lib/schemas/push';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { deviceLabelFrom, removeSubscription, saveSubscription } from '$lib/server/notify/devices';
import { isAllowedPushEndpoint } from '$lib/server/notify/endpoints';
import { preferencesOf, savePreferences } from '$lib/server/notify/preferences';
import { readJson } from '$lib/server/json';
import type { RequestHandler } from './$types';
import { now } from '$lib/server/clock';

/** Turn on notifications for this device. */
export const POST: RequestHandler = async (event) => {
	const user = requireUser(event);
	const parsed = subscriptionSchema.safeParse(await readJson(event));
	if (!parsed.success)
		error(400, `That subscription is not valid: ${parsed.error.issues[0].message}`);
	if (!isAllowedPushEndpoint(parsed.data.endpoint))
		error(400, 'That is not a push service Hearth can use.');
	const db = getDb();
	saveSubscription(
		db,
		user.id,
		{
			endpoint: parsed.data.endpoint,
			keys: parsed.data.keys,
			deviceLabel: deviceLabelFrom(event.request.headers.get('user-agent') ?? '')
		},
		now()
	);
	// Turning a device on is saying yes to notifications.
	const preferences = preferencesOf(db, user.id, user.roles);
	if (!preferences.pushEnabled)
		savePreferences(db, user.id, { ...preferences, pushEnabled: true }, now());
	return json({ ok: true }, { status: 201 });
};

/** Turn off notifications for this device. */
export const DELETE: RequestHandler = async (event) => {
	const user = requireUser(event);
	const parsed = unsubscribeSchema.safeParse(await readJson(event));
	if (!parsed.success) error(400, 'Say which device to turn off.');
	if (!removeSubscription(getDb(), user.id, { endpoint: parsed.data.endpoint })) {
		error(404, 'No device with notifications on matches that.');
	}
	return json({ ok: true });
};
