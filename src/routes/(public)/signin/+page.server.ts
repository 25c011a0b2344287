import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { signInSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { signIn } from '$lib/server/auth/sign-in';
import { rolesOf } from '$lib/server/auth/session';
import { startSession } from '$lib/server/auth/cookies';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Only paths inside Hearth, so a link cannot send someone elsewhere after signing in. */
function safeNext(next: string | null): string | null {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: null;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeNext(url.searchParams.get('next')) ?? landingFor(locals.user.roles));
	return { signedOut: url.searchParams.has('signed-out') };
};

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const parsed = parseForm(
			signInSchema,
			{ username: text(formData, 'username'), password: text(formData, 'password') },
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		const result = await signIn(db, { ...parsed.data, address: event.getClientAddress() });
		if (!result.ok) {
			const message =
				result.reason === 'wrong'
					? m.signin_wrong()
					: result.waitMs < 90_000
						? m.signin_wait_seconds()
						: m.signin_wait({ minutes: Math.ceil(result.waitMs / 60_000) });
			return invalid(formData, { form: message }, result.reason === 'wait' ? 429 : 400);
		}
		startSession(event, result.userId);
		redirect(
			303,
			safeNext(event.url.searchParams.get('next')) ?? landingFor(rolesOf(db, result.userId))
		);
	}
};

// No framework JavaScript: the page works as plain HTML, and static/enhance.js does the rest.
export const csr = false;
