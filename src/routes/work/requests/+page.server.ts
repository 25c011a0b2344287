import { error } from '@sveltejs/kit';
import { answerSchema } from '$lib/server/offer/schemas';
import { action, formActions, page } from '$lib/server/http/handlers';
import { answerRequest, requestsForWorker } from '$lib/server/offer/requests';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('answerRequests', (ctx) => {
	const requests = requestsForWorker(ctx.db, ctx.user.id, ctx.today);
	// Reading a young person's own words is a read of their record.
	for (const youngPersonId of new Set(requests.map((request) => request.youngPersonId)))
		ctx.audit({
			action: 'young_person.viewed',
			subjectUserId: youngPersonId,
			detail: '/work/requests'
		});
	return { requests: requests.map(({ youngPersonId: _id, ...request }) => request) };
}) satisfies PageServerLoad;

export const actions = formActions({
	answer: action('answerRequests', answerSchema, (ctx, answer) => {
		const result = answerRequest(ctx.db, ctx.user.id, answer, ctx.now);
		if (!result.ok) {
			if (result.reason === 'not_linked') error(403, m.error_not_linked());
			if (result.reason === 'not_found') error(404, m.error_not_found());
		}
	})
}) satisfies Actions;
