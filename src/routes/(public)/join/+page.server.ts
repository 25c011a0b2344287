import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { joinSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { redeemInvitation } from '$lib/server/accounts/invitations';
import { startSession } from '$lib/server/auth/cookies';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import { CODE_MESSAGES, codeGuesses } from '$lib/server/accounts/code-forms';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const parsed = parseForm(
			joinSchema,
			{
				code: text(formData, 'code'),
				username: text(formData, 'username'),
				password: text(formData, 'password'),
				passwordAgain: text(formData, 'passwordAgain')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		const guesses = codeGuesses(db, event, formData);
		if (guesses.wait) return guesses.wait;
		const result = await redeemInvitation(db, parsed.data, now());
		if (!result.ok) {
			if (result.reason === 'username_taken') {
				return invalid(formData, { username: m.join_username_taken() });
			}
			if (result.reason === 'unknown') guesses.missed();
			return invalid(formData, { code: CODE_MESSAGES[result.reason]() });
		}
		startSession(event, result.userId);
		redirect(303, `${landingFor(result.roles)}?welcome`);
	}
};
