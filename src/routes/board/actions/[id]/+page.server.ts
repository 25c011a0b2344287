import { error } from '@sveltejs/kit';
import { ukToday } from '$lib/domain/people';
import { actionUpdateSchema } from '$lib/schemas/forum';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { parseForm, text } from '$lib/server/forms';
import { actionDetail, mayUpdateAction, updateAction } from '$lib/server/forum/board';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireAction(event: RequestEvent) {
	const user = requireRole(event, 'board_member', 'participation_officer');
	const action = actionDetail(getDb(), event.params.id, ukToday(now()));
	if (!action) error(404, m.error_not_found());
	return { user, action };
}

export const load: PageServerLoad = (event) => {
	const { user, action } = requireAction(event);
	const { ownerId: _owner, ...shown } = action;
	return { action: shown, mayUpdate: mayUpdateAction(getDb(), user, action) };
};

export const actions: Actions = {
	update: async (event) => {
		const { user, action } = requireAction(event);
		// Owners update their own; the chair and officers any. Anyone else is refused.
		if (!mayUpdateAction(getDb(), user, action)) error(403, m.error_forbidden());
		const formData = await event.request.formData();
		const parsed = parseForm(
			actionUpdateSchema,
			{
				status: text(formData, 'status'),
				progress: text(formData, 'progress'),
				note: text(formData, 'note')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		updateAction(getDb(), user.id, action.id, parsed.data, ukToday(now()), now());
		return { done: true };
	}
};
