import { getCouncilSettings } from '$lib/server/council/settings';
import { action, formActions, notFound, page } from '$lib/server/http/handlers';
import { passOnSchema } from '$lib/server/voice/complaint-schemas';
import {
	advocacyRequestList,
	advocacyRequestOwner,
	complaintsInbox,
	markAdvocacyPassedOn
} from '$lib/server/voice/complaints';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/**
 * The complaints manager's inbox: every complaint on its stage-1 clock, and every request for an
 * advocate a young person agreed to pass on, with the service's details to pass it on with.
 */
export const load = page('handleComplaints', (ctx, event) => {
	const settings = getCouncilSettings(ctx.db);
	const requests = advocacyRequestList(ctx.db);
	// The young people's words are on this page: the reading is written down, once per person.
	for (const youngPersonId of new Set(requests.map((request) => request.youngPersonId)))
		ctx.audit({
			action: 'complaint.viewed',
			subjectUserId: youngPersonId,
			detail: event.url.pathname
		});
	return {
		complaints: complaintsInbox(ctx.db, ctx.today),
		advocacy: requests.map(({ youngPersonId: _id, ...request }) => request),
		service: {
			name: settings?.advocacyName ?? null,
			phone: settings?.advocacyPhone ?? null,
			email: settings?.advocacyEmail ?? null
		},
		today: ctx.today
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	/** Given to the advocacy service by phone or email: Hearth does not send it itself yet. */
	passOn: action('handleComplaints', passOnSchema, (ctx, { requestId }, event) => {
		const youngPersonId = advocacyRequestOwner(ctx.db, requestId);
		if (!youngPersonId) notFound();
		const { changed } = markAdvocacyPassedOn(ctx.db, { requestId, byId: ctx.user.id }, ctx.now);
		if (changed)
			ctx.audit({
				action: 'advocacy.passed_on',
				subjectUserId: youngPersonId,
				detail: event.url.pathname
			});
		return { done: m.advocacy_passed_on_done() };
	})
}) satisfies Actions;
