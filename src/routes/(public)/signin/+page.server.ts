import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { signInSchema } from '$lib/server/auth/schemas';
import { signIn } from '$lib/server/auth/sign-in';
import { rolesOf } from '$lib/server/auth/session';
import { guessClient, rememberThisDevice, safeNext, startSession } from '$lib/server/auth/cookies';
import { waitMessage } from '$lib/server/auth/wait-message';
import { secondFactorAfterPassword } from '$lib/server/auth/second-factor';
import { formInput } from '$lib/server/http/form';
import { action, formActions, page, refuse, type ActionEvent } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('anyone', (ctx, { locals, url }) => {
	// A target with control characters is refused (400) before the form is even shown.
	safeNext(url.searchParams.get('next'));
	if (ctx.user) redirect(303, safeNext(url.searchParams.get('next')) ?? landingFor(ctx.user.roles));
	if (locals.pending) redirect(303, secondFactorPath(url.searchParams.get('next')));
	const ended = url.searchParams.get('ended');
	return {
		signedOut: url.searchParams.has('signed-out'),
		// Set by the service worker when something written offline could not be sent first.
		waiting: url.searchParams.has('signed-out') && url.searchParams.has('waiting'),
		ended: ended === 'idle' || ended === 'limit' ? ended : null
	};
}) satisfies PageServerLoad;

const secondFactorPath = (next: string | null) => {
	const safe = safeNext(next);
	return `/signin/second-factor${safe ? `?next=${encodeURIComponent(safe)}` : ''}`;
};

/** The target is checked before any password is (a bad one is a 400 whatever was typed). */
const signInForm = {
	schema: signInSchema,
	read: (formData: FormData, event: ActionEvent) => {
		safeNext(event.url.searchParams.get('next'));
		return formInput(signInSchema, formData);
	}
};

export const actions = formActions({
	default: action('anyone', signInForm, async (ctx, input, event) => {
		const result = await signIn(ctx.db, { ...input, ...guessClient(event) }, ctx.now);
		if (!result.ok) {
			const message = result.reason === 'wrong' ? m.signin_wrong() : waitMessage(result.waitMs);
			return refuse({ form: message }, result.reason === 'wait' ? 429 : 400);
		}
		startSession(event, result.userId);
		const roles = rolesOf(ctx.db, result.userId);
		const next = event.url.searchParams.get('next');
		// Someone who still owes a second factor is not signed in yet: the device is remembered after it.
		if (secondFactorAfterPassword(ctx.db, result.userId, roles))
			redirect(303, secondFactorPath(next));
		rememberThisDevice(event, result.userId);
		redirect(303, safeNext(next) ?? landingFor(roles));
	})
}) satisfies Actions;

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
