import { error } from '@sveltejs/kit';
import { outcomeSchema } from '$lib/server/reviews/schemas';
import { requireRecord } from '$lib/server/auth/guard';
import type { SignedInContext } from '$lib/server/http/context';
import {
	action,
	formActions,
	notFound,
	page,
	refuse,
	type ActionEvent
} from '$lib/server/http/handlers';
import { consultationOf, recordOutcome, reviewById } from '$lib/server/reviews/reviews';
import { councilChildIds } from '$lib/server/people/care-record';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

type Event = Pick<ActionEvent, 'params' | 'url'>;

/** Staff linked to the young person may read a review (audited); only its chair records it. */
function openReview(ctx: SignedInContext, event: Event) {
	const review = reviewById(ctx.db, event.params.id);
	if (!review) notFound();
	requireRecord(ctx, review.youngPersonId, event.url.pathname);
	return review;
}

export const load = page('openRecords', (ctx, event) => {
	const review = openReview(ctx, event);
	const consultation = consultationOf(ctx.db, review.id);
	const { youngPersonId: _id, chairId, dateOfBirth: _dob, ...shown } = review;
	return {
		review: shown,
		councilChildId:
			councilChildIds(ctx.db, [review.youngPersonId]).get(review.youngPersonId) ?? null,
		isChair: chairId === ctx.user.id,
		// The child's answers reach staff only once the child sends them.
		consultation: consultation?.sentAt
			? { answers: consultation.answers, sentAt: consultation.sentAt }
			: null,
		draftStarted: !!consultation && !consultation.sentAt,
		today: ctx.today
	};
}) satisfies PageServerLoad;

/** The outcome form, for the chair only; a child in care's review also asks for the code. */
function outcomeForm(ctx: SignedInContext, event: ActionEvent) {
	const review = openReview(ctx, event);
	if (review.chairId !== ctx.user.id) error(403, m.error_forbidden());
	return outcomeSchema(ctx.today, review.kind === 'child_in_care');
}

export const actions = formActions({
	outcome: action('openRecords', outcomeForm, (ctx, outcome, event) => {
		const result = recordOutcome(ctx.db, ctx.user.id, event.params.id, outcome, ctx.now);
		if (!result.ok) {
			if (result.reason === 'code_age') return refuse({ code: m.error_code_age() });
			if (result.reason === 'code_views_sent') return refuse({ code: m.error_code_views_sent() });
			if (result.reason === 'code_needed') return refuse({ code: m.error_code_needed() });
			return refuse({ form: m.error_general() });
		}
	})
}) satisfies Actions;
