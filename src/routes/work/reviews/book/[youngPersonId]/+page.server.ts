import { error, redirect } from '@sveltejs/kit';
import { scheduleSchema } from '$lib/server/reviews/schemas';
import { earlyReviewSchema } from '$lib/server/reviews/staff-schemas';
import { requireRecord } from '$lib/server/auth/guard';
import type { SignedInContext } from '$lib/server/http/context';
import { action, formActions, page, refuse, type ActionEvent } from '$lib/server/http/handlers';
import {
	chairsReviewsFor,
	openEarlyReviewRequests,
	pathwayTimelineFor,
	requestEarlyReview,
	scheduleReview,
	timelineFor
} from '$lib/server/reviews/reviews';
import { youngPersonRecord } from '$lib/server/people/young-people';
import { councilChildIds } from '$lib/server/people/care-record';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('openRecords', (ctx, event) => {
	requireRecord(ctx, event.params.youngPersonId, event.url.pathname);
	if (!chairsReviewsFor(ctx.db, ctx.user.id, event.params.youngPersonId, ctx.today))
		error(403, m.error_not_linked());
	const person = youngPersonRecord(ctx.db, event.params.youngPersonId, ctx.today)!;
	const inCare = person.careStatus === 'in_care';
	return {
		name: person.name,
		councilChildId: councilChildIds(ctx.db, [person.id]).get(person.id) ?? null,
		inCare,
		next: inCare
			? (timelineFor(ctx.db, person.id, ctx.today)?.next ?? null)
			: pathwayTimelineFor(ctx.db, person.id, ctx.today),
		earlyRequests: openEarlyReviewRequests(ctx.db, person.id),
		today: ctx.today
	};
}) satisfies PageServerLoad;

/** Only the young person's chair books or asks for an early review, having opened their record (audited). */
function asChair(ctx: SignedInContext, event: ActionEvent) {
	requireRecord(ctx, event.params.youngPersonId, event.url.pathname);
	if (!chairsReviewsFor(ctx.db, ctx.user.id, event.params.youngPersonId, ctx.today))
		error(403, m.error_not_linked());
}

/** Booking asks for a day from today on. */
function bookingForm(ctx: SignedInContext, event: ActionEvent) {
	asChair(ctx, event);
	return scheduleSchema(ctx.today);
}

/** An early review is asked for with a reason. */
function earlyForm(ctx: SignedInContext, event: ActionEvent) {
	asChair(ctx, event);
	return earlyReviewSchema;
}

export const actions = formActions({
	early: action('openRecords', earlyForm, (ctx, input, event) => {
		const id = requestEarlyReview(
			ctx.db,
			{
				youngPersonId: event.params.youngPersonId,
				askedBy: ctx.user.id,
				reason: 'iro_request',
				why: input.why
			},
			ctx.now
		);
		ctx.audit({
			action: 'review.early_requested',
			subjectUserId: event.params.youngPersonId,
			detail: id
		});
		return { done: m.early_done() };
	}),
	book: action('openRecords', bookingForm, (ctx, booking, event) => {
		const result = scheduleReview(
			ctx.db,
			ctx.user.id,
			{
				youngPersonId: event.params.youngPersonId,
				meetingAt: `${booking.date}T${booking.time}`,
				place: booking.place
			},
			ctx.now
		);
		if (!result.ok) {
			if (result.reason === 'not_chair') error(403, m.error_not_linked());
			return refuse({ form: m.schedule_already() });
		}
		redirect(303, `/work/reviews/${result.id}`);
	})
}) satisfies Actions;
