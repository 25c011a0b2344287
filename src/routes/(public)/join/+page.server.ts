import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { joinSchema } from '$lib/server/auth/schemas';
import { redeemInvitation } from '$lib/server/accounts/invitations';
import { startSession } from '$lib/server/auth/cookies';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import { CODE_MESSAGES, codeGuesses } from '$lib/server/accounts/code-forms';
import type { Actions, PageServerLoad } from './$types';

export const load = page('anyone', (_ctx, { url }) => ({
	code: url.searchParams.get('code') ?? ''
})) satisfies PageServerLoad;

export const actions = formActions({
	default: action('anyone', joinSchema, async (ctx, input, event) => {
		const guesses = codeGuesses(ctx.db, ctx.address, ctx.now);
		if (guesses.wait) return guesses.wait;
		const result = await redeemInvitation(ctx.db, input, ctx.now);
		if (!result.ok) {
			if (result.reason === 'username_taken') return refuse({ username: m.join_username_taken() });
			if (result.reason === 'unknown') guesses.missed();
			return refuse({ code: CODE_MESSAGES[result.reason]() });
		}
		startSession(event, result.userId);
		redirect(303, `${landingFor(result.roles)}?welcome`);
	})
}) satisfies Actions;
