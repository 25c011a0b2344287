import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { resetSchema } from '$lib/server/auth/schemas';
import { redeemResetCode } from '$lib/server/accounts/invitations';
import { startSession } from '$lib/server/auth/cookies';
import { CODE_MESSAGES, codeGuesses } from '$lib/server/accounts/code-forms';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import type { Actions, PageServerLoad } from './$types';

export const load = page('anyone', (_ctx, { url }) => ({
	code: url.searchParams.get('code') ?? ''
})) satisfies PageServerLoad;

export const actions = formActions({
	default: action('anyone', resetSchema, async (ctx, input, event) => {
		const guesses = codeGuesses(ctx.db, ctx.address, ctx.now);
		if (guesses.wait) return guesses.wait;
		const result = await redeemResetCode(ctx.db, input, ctx.now);
		if (!result.ok) {
			if (result.reason === 'unknown') guesses.missed();
			return refuse({ code: CODE_MESSAGES[result.reason]() });
		}
		startSession(event, result.userId);
		redirect(303, `${landingFor(result.roles)}?new-password`);
	})
}) satisfies Actions;

export const csr = false;
