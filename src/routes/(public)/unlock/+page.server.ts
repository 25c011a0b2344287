import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { unlockSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { recordAudit } from '$lib/server/audit/log';
import { checkCurrentPassword } from '$lib/server/auth/sign-in';
import { unlockSession } from '$lib/server/auth/session';
import { guessClient, safeNext } from '$lib/server/auth/cookies';
import { waitMessage } from '$lib/server/auth/wait-message';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Where to go from here when the device is not locked (or no longer). */
const onwards = (next: string | null, roles: Parameters<typeof landingFor>[0]) =>
	safeNext(next) ?? landingFor(roles);

/**
 * After quick exit this device's session opens nothing until its owner types their password.
 * The page says nothing of whose it is: whoever holds the phone may not be them.
 */
export const load: PageServerLoad = ({ locals, url }) => {
	const next = url.searchParams.get('next');
	safeNext(next); // a target with control characters is refused before the form is shown
	if (locals.user) redirect(303, onwards(next, locals.user.roles));
	if (!locals.locked) redirect(303, `/signin${next ? `?next=${encodeURIComponent(next)}` : ''}`);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const next = event.url.searchParams.get('next');
		safeNext(next);
		const { locked, session } = event.locals;
		if (event.locals.user) redirect(303, onwards(next, event.locals.user.roles));
		if (!locked || !session) redirect(303, '/signin');
		const formData = await event.request.formData();
		const parsed = parseForm(unlockSchema, { password: text(formData, 'password') }, formData);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		// The same count and growing delays as signing in: a found phone cannot be used to guess.
		const checked = await checkCurrentPassword(db, {
			userId: locked.user.id,
			password: parsed.data.password,
			...guessClient(event)
		});
		if (!checked.ok)
			return checked.reason === 'wait'
				? invalid(formData, { password: waitMessage(checked.waitMs) }, 429)
				: invalid(formData, { password: m.unlock_wrong() });
		unlockSession(db, session.id);
		recordAudit(db, {
			actorId: locked.user.id,
			action: 'session.unlocked',
			address: event.getClientAddress()
		});
		redirect(303, onwards(next, locked.user.roles));
	}
};

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
