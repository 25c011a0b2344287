import { changePasswordSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { changePassword } from '$lib/server/accounts/accounts';
import { requireUser } from '$lib/server/auth/guard';
import { checkCurrentPassword } from '$lib/server/auth/sign-in';
import { guessClient, startSession } from '$lib/server/auth/cookies';
import { waitMessage } from '$lib/server/auth/wait-message';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

export const load: PageServerLoad = (event) => {
	requireUser(event);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const formData = await event.request.formData();
		const parsed = parseForm(
			changePasswordSchema,
			{
				currentPassword: text(formData, 'currentPassword'),
				password: text(formData, 'password'),
				passwordAgain: text(formData, 'passwordAgain')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		const checked = await checkCurrentPassword(
			db,
			{
				userId: user.id,
				password: parsed.data.currentPassword,
				...guessClient(event)
			},
			now()
		);
		if (!checked.ok) {
			return checked.reason === 'wait'
				? invalid(formData, { currentPassword: waitMessage(checked.waitMs) }, 429)
				: invalid(formData, { currentPassword: m.password_wrong() });
		}
		await changePassword(db, user.id, parsed.data.password, undefined, now());
		// Every session ended, this one too; a fresh one keeps this person signed in here.
		startSession(event, user.id, true);
		return { changed: true };
	}
};
