import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { signInSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { signIn } from '$lib/server/auth/sign-in';
import { rolesOf } from '$lib/server/auth/session';
import { guessClient, rememberThisDevice, safeNext, startSession } from '$lib/server/auth/cookies';
import { waitMessage } from '$lib/server/auth/wait-message';
import { secondFactorAfterPassword } from '$lib/server/auth/second-factor';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	// A target with control characters is refused (400) before the form is even shown.
	safeNext(url.searchParams.get('next'));
	if (locals.user)
		redirect(303, safeNext(url.searchParams.get('next')) ?? landingFor(locals.user.roles));
	if (locals.pending) redirect(303, secondFactorPath(url.searchParams.get('next')));
	const ended = url.searchParams.get('ended');
	return {
		signedOut: url.searchParams.has('signed-out'),
		// Set by the service worker when something written offline could not be sent first.
		waiting: url.searchParams.has('signed-out') && url.searchParams.has('waiting'),
		ended: ended === 'idle' || ended === 'limit' ? ended : null
	};
};

const secondFactorPath = (next: string | null) => {
	const safe = safeNext(next);
	return `/signin/second-factor${safe ? `?next=${encodeURIComponent(safe)}` : ''}`;
};

export const actions: Actions = {
	default: async (event) => {
		safeNext(event.url.searchParams.get('next')); // refused before any password is checked
		const formData = await event.request.formData();
		const parsed = parseForm(
			signInSchema,
			{ username: text(formData, 'username'), password: text(formData, 'password') },
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		const result = await signIn(db, { ...parsed.data, ...guessClient(event) });
		if (!result.ok) {
			const message = result.reason === 'wrong' ? m.signin_wrong() : waitMessage(result.waitMs);
			return invalid(formData, { form: message }, result.reason === 'wait' ? 429 : 400);
		}
		startSession(event, result.userId);
		const roles = rolesOf(db, result.userId);
		const next = event.url.searchParams.get('next');
		// Someone who still owes a second factor is not signed in yet: the device is remembered after it.
		if (secondFactorAfterPassword(db, result.userId, roles)) redirect(303, secondFactorPath(next));
		rememberThisDevice(event, result.userId);
		redirect(303, safeNext(next) ?? landingFor(roles));
	}
};

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
