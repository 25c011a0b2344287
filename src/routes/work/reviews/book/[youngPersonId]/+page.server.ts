import { error, redirect } from '@sveltejs/kit';
import { ukToday } from '$lib/domain/people';
import { scheduleSchema } from '$lib/schemas/reviews';
import { requireLinkedYoungPerson } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import { chairsReviewsFor, scheduleReview, timelineFor } from '$lib/server/reviews/reviews';
import { youngPersonRecord } from '$lib/server/people/young-people';
import { now, todayInUk } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireLinkedYoungPerson(event, event.params.youngPersonId);
	const db = getDb();
	const today = ukToday(now());
	if (!chairsReviewsFor(db, user.id, event.params.youngPersonId, today))
		error(403, m.error_not_linked());
	const person = youngPersonRecord(db, event.params.youngPersonId, todayInUk())!;
	return { name: person.name, next: timelineFor(db, person.id, today)?.next ?? null, today };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireLinkedYoungPerson(event, event.params.youngPersonId);
		const formData = await event.request.formData();
		const today = ukToday(now());
		const parsed = parseForm(
			scheduleSchema(today),
			{
				date: text(formData, 'date'),
				time: text(formData, 'time'),
				place: text(formData, 'place')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const result = scheduleReview(
			getDb(),
			user.id,
			{
				youngPersonId: event.params.youngPersonId,
				meetingAt: `${parsed.data.date}T${parsed.data.time}`,
				place: parsed.data.place
			},
			now()
		);
		if (!result.ok) {
			if (result.reason === 'not_chair') error(403, m.error_not_linked());
			return invalid(formData, { form: m.schedule_already() });
		}
		redirect(303, `/work/reviews/${result.id}`);
	}
};
