import { error } from '@sveltejs/kit';
import { rateSchema } from '$lib/schemas/offer';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { pledge } from '$lib/server/offer/content';
import { myRatings, promiseExists, ratePromise } from '$lib/server/offer/ratings';
import { parseForm, text } from '$lib/server/forms';
import { pledgeHasConcern, tellOfficers } from '$lib/server/forum/moderation';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const YOUNG_PEOPLE = ['young_person', 'forum_member'] as const;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, ...YOUNG_PEOPLE);
	const db = getDb();
	return {
		themes: pledge(db, getLocale()),
		ratings: myRatings(db, user.id),
		concern: pledgeHasConcern(db, user.id)
	};
};

export const actions: Actions = {
	rate: async (event) => {
		const user = requireRole(event, ...YOUNG_PEOPLE);
		const formData = await event.request.formData();
		const parsed = parseForm(
			rateSchema,
			{
				promiseId: text(formData, 'promiseId'),
				rating: text(formData, 'rating'),
				comment: text(formData, 'comment')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		if (!promiseExists(db, parsed.data.promiseId)) error(404, m.error_not_found());
		const before = myRatings(db, user.id)[parsed.data.promiseId]?.comment ?? '';
		ratePromise(db, { youngPersonId: user.id, ...parsed.data }, now());
		// A new or changed "tell us more" reaches the participation officers.
		if (parsed.data.comment && parsed.data.comment !== before)
			tellOfficers(db, 'pledge_comment', '/board/pledge', now());
		return { saved: parsed.data.promiseId };
	}
};
