import { error } from '@sveltejs/kit';
import { consultationSchema, questionsFor } from '$lib/domain/consultation';
import { reviewError } from '$lib/components/review-labels';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { fieldErrors, invalid, text } from '$lib/server/forms';
import { consultationOf, reviewById, saveConsultation } from '$lib/server/reviews/reviews';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The young person's own review, or 404: another child's looks the same as none. */
function requireOwnReview(event: RequestEvent) {
	const user = requireRole(event, 'young_person', 'forum_member');
	const review = reviewById(getDb(), event.params.id);
	if (!review || review.youngPersonId !== user.id) error(404, m.error_not_found());
	return review;
}

export const load: PageServerLoad = (event) => {
	const review = requireOwnReview(event);
	const consultation = consultationOf(getDb(), review.id);
	return {
		review: {
			id: review.id,
			kind: review.kind,
			meetingAt: review.meetingAt,
			place: review.place,
			status: review.status,
			chairName: review.chairName,
			letter: review.letter
		},
		questions: questionsFor(review.ageBand),
		answers: consultation?.answers ?? {},
		sentAt: consultation?.sentAt ?? null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const review = requireOwnReview(event);
		const formData = await event.request.formData();
		const sending = text(formData, 'intent') === 'send';
		const input = Object.fromEntries(
			questionsFor(review.ageBand).map((question) => [question.id, text(formData, question.id)])
		);
		const parsed = consultationSchema(review.ageBand, sending).safeParse(input);
		if (!parsed.success) {
			const errors = Object.fromEntries(
				Object.entries(fieldErrors(parsed.error)).map(([field, code]) => [field, reviewError(code)])
			);
			return invalid(formData, errors);
		}
		const saved = saveConsultation(getDb(), review.id, parsed.data, sending, now());
		if (!saved.ok) return invalid(formData, { form: m.say_review_closed() });
		return { saved: true, sent: saved.sent };
	}
};
