import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { unlockSchema } from '$lib/server/auth/schemas';
import { checkCurrentPassword } from '$lib/server/auth/sign-in';
import { unlockSession } from '$lib/server/auth/session';
import { guessClient, safeNext } from '$lib/server/auth/cookies';
import { waitMessage } from '$lib/server/auth/wait-message';
import { formInput } from '$lib/server/http/form';
import { action, formActions, page, refuse, type ActionEvent } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Where to go from here when the device is not locked (or no longer). */
const onwards = (next: string | null, roles: Parameters<typeof landingFor>[0]) =>
	safeNext(next) ?? landingFor(roles);

/**
 * After quick exit this device's session opens nothing until its owner types their password.
 * The page says nothing of whose it is: whoever holds the phone may not be them.
 */
export const load = page('anyone', (ctx, { locals, url }) => {
	const next = url.searchParams.get('next');
	safeNext(next); // a target with control characters is refused before the form is shown
	if (ctx.user) redirect(303, onwards(next, ctx.user.roles));
	if (!locals.locked) redirect(303, `/signin${next ? `?next=${encodeURIComponent(next)}` : ''}`);
	return {};
}) satisfies PageServerLoad;

/** Only a locked device's owner types here: anyone else is sent on before the form is read. */
const unlockForm = {
	schema: unlockSchema,
	read: (formData: FormData, event: ActionEvent) => {
		const next = event.url.searchParams.get('next');
		safeNext(next);
		const { locked, session, user } = event.locals;
		if (user) redirect(303, onwards(next, user.roles));
		if (!locked || !session) redirect(303, '/signin');
		return formInput(unlockSchema, formData);
	}
};

export const actions = formActions({
	default: action('anyone', unlockForm, async (ctx, input, event) => {
		const { locked, session } = event.locals;
		if (!locked || !session) redirect(303, '/signin');
		// The same count and growing delays as signing in: a found phone cannot be used to guess.
		const checked = await checkCurrentPassword(
			ctx.db,
			{ userId: locked.user.id, password: input.password, ...guessClient(event) },
			ctx.now
		);
		if (!checked.ok)
			return checked.reason === 'wait'
				? refuse({ password: waitMessage(checked.waitMs) }, 429)
				: refuse({ password: m.unlock_wrong() });
		unlockSession(ctx.db, session.id);
		ctx.audit({ actorId: locked.user.id, action: 'session.unlocked' });
		redirect(303, onwards(event.url.searchParams.get('next'), locked.user.roles));
	})
}) satisfies Actions;

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
