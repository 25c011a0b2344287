import { error, redirect } from '@sveltejs/kit';
import { setupSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { completeSetup, isSetUp, setupTokenMatches } from '$lib/server/accounts/setup';
import { startSession } from '$lib/server/auth/cookies';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

export const load: PageServerLoad = ({ url }) => {
	if (isSetUp(getDb())) redirect(303, '/signin');
	return { token: url.searchParams.get('token') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		if (isSetUp(getDb())) error(403, m.setup_done_already());
		const formData = await event.request.formData();
		const fields = [
			'token',
			'councilName',
			'councilEmail',
			'displayName',
			'username',
			'password',
			'passwordAgain'
		];
		const parsed = parseForm(
			setupSchema,
			Object.fromEntries(fields.map((name) => [name, text(formData, name)])),
			formData
		);
		if (!parsed.ok) return parsed.failure;
		if (!setupTokenMatches(parsed.data.token)) {
			return invalid(formData, { token: m.setup_token_wrong() }, 403);
		}
		const result = await completeSetup(getDb(), parsed.data, now());
		if (!result.ok) error(403, m.setup_done_already());
		startSession(event, result.userId);
		redirect(303, '/admin');
	}
};
