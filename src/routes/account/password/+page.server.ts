import { changePasswordSchema } from '$lib/server/auth/schemas';
import { changePassword } from '$lib/server/accounts/accounts';
import { checkCurrentPassword } from '$lib/server/auth/sign-in';
import { guessClient, startSession } from '$lib/server/auth/cookies';
import { waitMessage } from '$lib/server/auth/wait-message';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Anyone signed in changes their own password here: young people and staff alike.
export const load = page('signedIn', () => {}) satisfies PageServerLoad;

export const actions = formActions({
	default: action('signedIn', changePasswordSchema, async (ctx, input, event) => {
		const checked = await checkCurrentPassword(
			ctx.db,
			{ userId: ctx.user.id, password: input.currentPassword, ...guessClient(event) },
			ctx.now
		);
		if (!checked.ok) {
			return checked.reason === 'wait'
				? refuse({ currentPassword: waitMessage(checked.waitMs) }, 429)
				: refuse({ currentPassword: m.password_wrong() });
		}
		await changePassword(ctx.db, ctx.user.id, input.password, undefined, ctx.now);
		// Every session ended, this one too; a fresh one keeps this person signed in here.
		startSession(event, ctx.user.id, true);
		return { done: m.password_changed() };
	})
}) satisfies Actions;
