import { error, json } from '@sveltejs/kit';
import { subscriptionSchema, unsubscribeSchema } from '$lib/server/notify/push-schemas';
import { endpoint } from '$lib/server/http/handlers';
import { deviceLabelFrom, removeSubscription, saveSubscription } from '$lib/server/notify/devices';
import { isAllowedPushEndpoint } from '$lib/server/notify/endpoints';
import { preferencesOf, savePreferences } from '$lib/server/notify/preferences';
import { readJson } from '$lib/server/json';
import type { RequestHandler } from './$types';

/** Turn on notifications for this device. */
export const POST = endpoint('signedIn', async (ctx, event) => {
	const parsed = subscriptionSchema.safeParse(await readJson(event));
	if (!parsed.success)
		error(400, `That subscription is not valid: ${parsed.error.issues[0].message}`);
	if (!isAllowedPushEndpoint(parsed.data.endpoint))
		error(400, 'That is not a push service Hearth can use.');
	saveSubscription(
		ctx.db,
		ctx.user.id,
		{
			endpoint: parsed.data.endpoint,
			keys: parsed.data.keys,
			deviceLabel: deviceLabelFrom(event.request.headers.get('user-agent') ?? '')
		},
		ctx.now
	);
	// Turning a device on is saying yes to notifications.
	const preferences = preferencesOf(ctx.db, ctx.user.id, ctx.user.roles);
	if (!preferences.pushEnabled)
		savePreferences(ctx.db, ctx.user.id, { ...preferences, pushEnabled: true }, ctx.now);
	return json({ ok: true }, { status: 201 });
}) satisfies RequestHandler;

/** Turn off notifications for this device. */
export const DELETE = endpoint('signedIn', async (ctx, event) => {
	const parsed = unsubscribeSchema.safeParse(await readJson(event));
	if (!parsed.success) error(400, 'Say which device to turn off.');
	if (!removeSubscription(ctx.db, ctx.user.id, { endpoint: parsed.data.endpoint })) {
		error(404, 'No device with notifications on matches that.');
	}
	return json({ ok: true });
}) satisfies RequestHandler;
