import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { promiseSchema } from '$lib/schemas/content';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { pledgeThemes } from '$lib/server/db/schema';
import { pledge } from '$lib/server/offer/content';
import { movePromise, savePromise } from '$lib/server/offer/editing';
import { parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

const EDITORS = ['admin', 'participation_officer'] as const;

export const load: PageServerLoad = (event) => {
	requireRole(event, ...EDITORS);
	return { themes: pledge(getDb()) };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, ...EDITORS);
		const formData = await event.request.formData();
		const parsed = parseForm(
			promiseSchema,
			{
				promiseId: text(formData, 'promiseId'),
				themeId: text(formData, 'themeId'),
				text: text(formData, 'text')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		if (
			!db
				.select({ id: pledgeThemes.id })
				.from(pledgeThemes)
				.where(eq(pledgeThemes.id, parsed.data.themeId))
				.get()
		) {
			error(404, m.error_not_found());
		}
		const id = savePromise(db, user.id, parsed.data, now());
		return { saved: id };
	},
	move: async (event) => {
		requireRole(event, ...EDITORS);
		const formData = await event.request.formData();
		movePromise(
			getDb(),
			text(formData, 'id').slice(0, 64),
			text(formData, 'direction') === 'up' ? 'up' : 'down'
		);
		return { moved: true };
	}
};
