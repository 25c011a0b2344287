import { redirect } from '@sveltejs/kit';
import { withMeSchema } from '$lib/server/auth/with-me-schemas';
import { endWithMe, startWithMe } from '$lib/server/auth/with-me';
import { guessClient } from '$lib/server/auth/cookies';
import { waitMessage } from '$lib/server/auth/wait-message';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx) => {
	const withMe = ctx.withMe();
	return { withMe: withMe ? { name: withMe.workerName } : null };
}) satisfies PageServerLoad;

export const actions = formActions({
	/** A worker types their own username and password on the young person's phone. */
	start: action('useMyPages', withMeSchema, async (ctx, worker, event) => {
		const result = await startWithMe(
			ctx.db,
			{
				sessionId: ctx.sessionId!,
				youngPersonId: ctx.user.id,
				...worker,
				...guessClient(event)
			},
			ctx.now
		);
		if (!result.ok) {
			const message =
				result.reason === 'wait'
					? waitMessage(result.waitMs)
					: result.reason === 'not_linked'
						? m.with_me_error_not_linked()
						: m.with_me_error_wrong();
			return refuse({ form: message, password: message }, result.reason === 'wait' ? 429 : 400);
		}
		redirect(303, '/me');
	}),
	end: action('useMyPages', (ctx) => {
		endWithMe(ctx.db, ctx.sessionId!, ctx.user.id, ctx.now);
		return { done: m.with_me_ended() };
	})
}) satisfies Actions;

export const csr = false;
