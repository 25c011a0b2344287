import { redirect } from '@sveltejs/kit';
import { clientKeySchema } from '$lib/server/voice/schemas';
import { getCouncilSettings } from '$lib/server/council/settings';
import { action, formActions, page } from '$lib/server/http/handlers';
import { newId } from '$lib/server/ids';
import { submitUnsafe } from '$lib/server/voice/submit';
import type { Actions, PageServerLoad } from './$types';

export const load = page('askForHelp', (ctx) => ({
	outOfHours: getCouncilSettings(ctx.db)?.outOfHoursPhone ?? null
})) satisfies PageServerLoad;

export const actions = formActions({
	/**
	 * One tap: the alert is raised before anything else can go wrong. A device quick exit locked
	 * still raises it (`ctx.locked`): the lock is against whoever holds the phone, never against
	 * the child asking for help. Their alert page waits for the password.
	 */
	default: action('askForHelp', async (ctx, event) => {
		// Read by hand, not by a schema: even a body that cannot be read raises the alert, and a
		// missing or odd key still raises one. A child must never be refused here.
		const formData = await event.request.formData().catch(() => new FormData());
		const key = clientKeySchema.safeParse(formData.get('clientKey'));
		const alert = submitUnsafe(ctx.db, ctx.user.id, key.success ? key.data : newId(), ctx.now);
		// `#told`: the page opens at "We've told your worker", not at the button above the menu.
		redirect(303, ctx.locked ? '/kept/told#told' : `/me/unsafe/${alert.id}#told`);
	})
}) satisfies Actions;
