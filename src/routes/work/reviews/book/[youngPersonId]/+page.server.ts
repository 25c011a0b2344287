import { error, redirect } from '@sveltejs/kit';
import { scheduleSchema } from '$lib/server/reviews/schemas';
import { requireRecord } from '$lib/server/auth/guard';
import type { SignedInContext } from '$lib/server/http/context';
import { action, formActions, page, refuse, type ActionEvent } from '$lib/server/http/handlers';
import { chairsReviewsFor, scheduleReview, timelineFor } from '$lib/server/reviews/reviews';
import { youngPersonRecord } from '$lib/server/people/young-people';
import { councilChildIds } from '$lib/server/people/care-record';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('openRecords', (ctx, event) => {
	requireRecord(ctx, event.params.youngPersonId, event.url.pathname);
	if (!chairsReviewsFor(ctx.db, ctx.user.id, event.params.youngPersonId, ctx.today))
		error(403, m.error_not_linked());
	const person = youngPersonRecord(ctx.db, event.params.youngPersonId, ctx.today)!;
	return {
		name: person.name,
		councilChildId: councilChildIds(ctx.db, [person.id]).get(person.id) ?? null,
		next: timelineFor(ctx.db, person.id, ctx.today)?.next ?? null,
		today: ctx.today
	};
}) satisfies PageServerLoad;

/** Booking opens the young person's record first (audited), then asks for a day from today on. */
function bookingForm(ctx: SignedInContext, event: ActionEvent) {
	requireRecord(ctx, event.params.youngPersonId, event.url.pathname);
	return scheduleSchema(ctx.today);
}

export const actions = formActions({
	default: action('openRecords', bookingForm, (ctx, booking, event) => {
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
