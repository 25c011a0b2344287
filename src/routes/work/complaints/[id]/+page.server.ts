import type { z } from 'zod';
import type { SignedInContext } from '$lib/server/http/context';
import { action, formActions, page, refuse, type ActionEvent } from '$lib/server/http/handlers';
import { openComplaint } from '$lib/server/voice/access';
import { answerComplaintSchema, extendComplaintSchema } from '$lib/server/voice/complaint-schemas';
import {
	answerComplaint,
	complaintDetail,
	complaintOwner,
	extendComplaint,
	type ComplaintStep
} from '$lib/server/voice/complaints';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** One complaint, its clock and the young person's words. Opening it is audited. */
export const load = page('handleComplaints', (ctx, event) => {
	openComplaint(ctx, event.params.id, event.url.pathname);
	const {
		youngPersonId: _id,
		statementId: _statement,
		...complaint
	} = complaintDetail(ctx.db, event.params.id, ctx.today)!;
	return { complaint, today: ctx.today };
}) satisfies PageServerLoad;

/** A form about this complaint: it is opened (and the opening audited) before the form is read. */
function aboutComplaint<S extends z.ZodType>(schema: S) {
	return (ctx: SignedInContext, event: ActionEvent) => {
		openComplaint(ctx, event.params.id, event.url.pathname);
		return schema;
	};
}

const refused = (step: Exclude<ComplaintStep, { ok: true }>) =>
	refuse({
		form: step.reason === 'answered' ? m.complaint_error_answered() : m.complaint_error_extended()
	});

export const actions = formActions({
	/** Stage 1's extra 10 working days, with the reason; the young person sees the new day. */
	extend: action('handleComplaints', aboutComplaint(extendComplaintSchema), (ctx, input, event) => {
		const step = extendComplaint(
			ctx.db,
			{ complaintId: event.params.id, byId: ctx.user.id, reason: input.reason },
			ctx.now
		);
		if (!step.ok) return refused(step);
		ctx.audit({
			action: 'complaint.extended',
			subjectUserId: complaintOwner(ctx.db, event.params.id),
			detail: event.url.pathname
		});
		return { done: m.complaint_extended_done() };
	}),
	/** The stage-1 answer: the young person reads it on their message page. */
	answer: action('handleComplaints', aboutComplaint(answerComplaintSchema), (ctx, input, event) => {
		const step = answerComplaint(
			ctx.db,
			{ complaintId: event.params.id, byId: ctx.user.id, answer: input.answer },
			ctx.now
		);
		if (!step.ok) return refused(step);
		ctx.audit({
			action: 'complaint.answered',
			subjectUserId: complaintOwner(ctx.db, event.params.id),
			detail: event.url.pathname
		});
		return { done: m.complaint_answered_done() };
	})
}) satisfies Actions;
