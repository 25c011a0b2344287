import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { signInSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { signIn } from '$lib/server/auth/sign-in';
import { rolesOf } from '$lib/server/auth/session';
import { safeNext, startSession } from '$lib/server/auth/cookies';
import { secondFactorAfterPassword } from '$lib/server/auth/second-factor';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
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
		const roles = rolesOf(db, result.userId);
		const next = event.url.searchParams.get('next');
		if (secondFactorAfterPassword(db, result.userId, roles)) redirect(303, secondFactorPath(next));
		redirect(303, safeNext(next) ?? landingFor(roles));
	}
};

// No framework JavaScript: the page works as plain HTML, and static/enhance.js does the rest.
export const csr = false;
