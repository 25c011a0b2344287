import { error } from '@sveltejs/kit';
import { concernSchema } from '$lib/schemas/forum';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import {
	concernFormInput,
	concernFromComment,
	pledgeCommentForOfficer
} from '$lib/server/forum/moderation';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** One named comment: participation officers only, like the moderation pages. */
function requireOfficerComment(event: RequestEvent) {
	const user = requireRole(event, 'participation_officer');
	const comment = pledgeCommentForOfficer(getDb(), event.params.promise, event.params.person);
	if (!comment) error(404, m.error_not_found());
	return { user, comment };
}

export const load: PageServerLoad = (event) => {
	const { comment } = requireOfficerComment(event);
	return { comment };
};

export const actions: Actions = {
	concern: async (event) => {
		const { user } = requireOfficerComment(event);
		const formData = await event.request.formData();
		const parsed = parseForm(concernSchema, concernFormInput(formData), formData);
		if (!parsed.ok) return parsed.failure;
		concernFromComment(
			getDb(),
			user.id,
			event.params.promise,
			event.params.person,
			parsed.data,
			now()
		);
		return { concernRaised: true };
	}
};
