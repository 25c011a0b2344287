import { error } from '@sveltejs/kit';
import { ukToday } from '$lib/domain/people';
import { outcomeSchema } from '$lib/schemas/reviews';
import { requireLinkedYoungPerson } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import { consultationOf, recordOutcome, reviewById } from '$lib/server/reviews/reviews';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Staff linked to the young person may read a review (audited); only its chair records it. */
function requireReviewAccess(event: RequestEvent) {
	const review = reviewById(getDb(), event.params.id);
	if (!review) error(404, m.error_not_found());
	const user = requireLinkedYoungPerson(event, review.youngPersonId);
	return { user, review };
}

export const load: PageServerLoad = (event) => {
	const { user, review } = requireReviewAccess(event);
	const consultation = consultationOf(getDb(), review.id);
	const { youngPersonId: _id, chairId, dateOfBirth: _dob, ...shown } = review;
	return {
		review: shown,
		isChair: chairId === user.id,
		// The child's answers reach staff only once the child sends them.
		consultation: consultation?.sentAt
			? { answers: consultation.answers, sentAt: consultation.sentAt }
			: null,
		draftStarted: !!consultation && !consultation.sentAt,
		today: ukToday(now())
	};
};

export const actions: Actions = {
	outcome: async (event) => {
		const { user, review } = requireReviewAccess(event);
		if (review.chairId !== user.id) error(403, m.error_forbidden());
		const formData = await event.request.formData();
		const parsed = parseForm(
			outcomeSchema(ukToday(now()), review.kind === 'child_in_care'),
			{
				heldOn: text(formData, 'heldOn'),
				code: text(formData, 'code'),
				decisions: text(formData, 'decisions'),
				letter: text(formData, 'letter')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const result = recordOutcome(getDb(), user.id, review.id, parsed.data, now());
		if (!result.ok) {
			if (result.reason === 'code_age') return invalid(formData, { code: m.error_code_age() });
			if (result.reason === 'code_needed')
				return invalid(formData, { code: m.error_code_needed() });
			return invalid(formData, { form: m.error_general() });
		}
		return { recorded: true };
	}
};
