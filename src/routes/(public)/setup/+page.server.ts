import { error, redirect } from '@sveltejs/kit';
import { setupSchema } from '$lib/server/auth/schemas';
import { completeSetup, isSetUp, setupTokenMatches } from '$lib/server/accounts/setup';
import { startSession } from '$lib/server/auth/cookies';
import { contextOf } from '$lib/server/http/context';
import { formInput } from '$lib/server/http/form';
import { action, formActions, page, refuse, type ActionEvent } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('anyone', (ctx, { url }) => {
	if (isSetUp(ctx.db)) redirect(303, '/signin');
	return { token: url.searchParams.get('token') ?? '' };
}) satisfies PageServerLoad;

/** Once there is an administrator, the form is closed, whatever was sent. */
const setupForm = {
	schema: setupSchema,
	read: (formData: FormData, event: ActionEvent) => {
		if (isSetUp(contextOf(event).db)) error(403, m.setup_done_already());
		return formInput(setupSchema, formData);
	}
};

export const actions = formActions({
	default: action('anyone', setupForm, async (ctx, input, event) => {
		if (!setupTokenMatches(input.token)) return refuse({ token: m.setup_token_wrong() }, 403);
		const result = await completeSetup(ctx.db, input, ctx.now);
		if (!result.ok) error(403, m.setup_done_already());
		startSession(event, result.userId);
		redirect(303, '/admin');
	})
}) satisfies Actions;
