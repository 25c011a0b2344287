import { redirect } from '@sveltejs/kit';
import { withMeSchema } from '$lib/schemas/with-me';
import { requireRole } from '$lib/server/auth/guard';
import { endWithMe, startWithMe, withMeNow } from '$lib/server/auth/with-me';
import { guessClient } from '$lib/server/auth/cookies';
import { waitMessage } from '$lib/server/auth/wait-message';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const YOUNG_PEOPLE = ['young_person', 'forum_member'] as const;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, ...YOUNG_PEOPLE);
	const withMe = withMeNow(getDb(), event.locals.session!.id, user.id, now());
	return { withMe: withMe ? { name: withMe.workerName } : null };
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireRole(event, ...YOUNG_PEOPLE);
		const formData = await event.request.formData();
		const parsed = parseForm(
			withMeSchema,
			{ username: text(formData, 'username'), password: text(formData, 'password') },
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const result = await startWithMe(
			getDb(),
			{
				sessionId: event.locals.session!.id,
				youngPersonId: user.id,
				...parsed.data,
				...guessClient(event)
			},
			now()
		);
		if (!result.ok) {
			const message =
				result.reason === 'wait'
					? waitMessage(result.waitMs)
					: result.reason === 'not_linked'
						? m.with_me_error_not_linked()
						: m.with_me_error_wrong();
			return invalid(
				formData,
				{ form: message, password: message },
				result.reason === 'wait' ? 429 : 400
			);
		}
		redirect(303, '/me');
	},
	end: (event) => {
		const user = requireRole(event, ...YOUNG_PEOPLE);
		endWithMe(getDb(), event.locals.session!.id, user.id, now());
		redirect(303, '/me/with-me?ended');
	}
};

export const csr = false;
