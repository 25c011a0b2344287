import { consultationSchema, questionsFor } from '$lib/domain/consultation';
import { reviewError } from '$lib/words/review-labels';
import { consultationFormSchema } from '$lib/server/reviews/schemas';
import type { SignedInContext } from '$lib/server/http/context';
import { fieldErrors } from '$lib/server/http/form';
import { action, formActions, notFound, page, refuse } from '$lib/server/http/handlers';
import { consultationOf, reviewById, saveConsultation } from '$lib/server/reviews/reviews';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The young person's own review, or 404: another child's looks the same as none. */
function ownReview(ctx: SignedInContext, reviewId: string) {
	const review = reviewById(ctx.db, reviewId);
	if (!review || review.youngPersonId !== ctx.user.id) notFound();
	return review;
}

export const load = page('useMyPages', (ctx, event) => {
	const review = ownReview(ctx, event.params.id);
	const consultation = consultationOf(ctx.db, review.id);
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
}) satisfies PageServerLoad;

export const actions = formActions({
	/** Save the answers as a draft, or send them to the IRO (`intent`: the button pressed). */
	default: action('useMyPages', consultationFormSchema, (ctx, { intent, ...answers }, event) => {
		const review = ownReview(ctx, event.params.id);
		const sending = intent === 'send';
		// The questions depend on the child's age, so they are checked once the review is known.
		const parsed = consultationSchema(review.ageBand, sending).safeParse(answers);
		if (!parsed.success)
			return refuse(
				Object.fromEntries(
					Object.entries(fieldErrors(parsed.error)).map(([field, code]) => [
						field,
						reviewError(code)
					])
				)
			);
		const saved = saveConsultation(ctx.db, review.id, parsed.data, sending, ctx.now);
		if (!saved.ok) return refuse({ form: m.say_review_closed() });
		return {
			done: saved.sent ? m.say_review_sent({ name: review.chairName }) : m.say_review_saved()
		};
	})
}) satisfies Actions;
