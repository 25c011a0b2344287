import { error } from '@sveltejs/kit';
import { answerSchema } from '$lib/schemas/offer';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { recordAudit } from '$lib/server/audit/log';
import { answerRequest, requestsForWorker } from '$lib/server/offer/requests';
import { parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { now, todayInUk } from '$lib/server/clock';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'worker');
	const db = getDb();
	const requests = requestsForWorker(db, user.id, todayInUk());
	// Reading a young person's own words is a read of their record.
	for (const youngPersonId of new Set(requests.map((request) => request.youngPersonId))) {
		recordAudit(
			db,
			{
				actorId: user.id,
				action: 'young_person.viewed',
				subjectUserId: youngPersonId,
				detail: '/work/requests',
				address: event.getClientAddress()
			},
			now()
		);
	}
	return { requests: requests.map(({ youngPersonId: _id, ...request }) => request) };
};

export const actions: Actions = {
	answer: async (event) => {
		const user = requireRole(event, 'worker');
		const formData = await event.request.formData();
		const parsed = parseForm(
			answerSchema,
			{
				requestId: text(formData, 'requestId'),
				status: text(formData, 'status'),
				answer: text(formData, 'answer')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const result = answerRequest(getDb(), user.id, parsed.data, now());
		if (!result.ok) {
			if (result.reason === 'not_linked') error(403, m.error_not_linked());
			if (result.reason === 'not_found') error(404, m.error_not_found());
		}
		return { answered: parsed.data.requestId };
	}
};
