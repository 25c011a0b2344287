import { reassignSchema, replySchema, themesSchema } from '$lib/server/voice/schemas';
import { action, formActions, page, refuse, type ActionEvent } from '$lib/server/http/handlers';
import type { SignedInContext } from '$lib/server/http/context';
import { newId } from '$lib/server/ids';
import { openStatement } from '$lib/server/voice/access';
import { statementRecipients } from '$lib/server/voice/people';
import {
	acknowledgeStatement,
	markCaseRecorded,
	markSeenByWorker,
	handOverStatement,
	setStatementThemes,
	statementThread
} from '$lib/server/voice/statements';
import { replyToStatement } from '$lib/server/voice/submit';
import { complaintClockOfStatement } from '$lib/server/voice/complaints';
import { m } from '$lib/paraglide/messages';
import type { AuditAction } from '$lib/domain/audit';
import type { Actions, PageServerLoad } from './$types';

export const load = page('openRecords', (ctx, event) => {
	const owner = openStatement(ctx, event.params.id, event.url.pathname);
	// Only the person it is addressed to gives the young person their "read" receipt.
	if (owner.recipientId === ctx.user.id) markSeenByWorker(ctx.db, event.params.id, ctx.now);
	const thread = statementThread(ctx.db, event.params.id)!;
	const { youngPersonId, recipientId, ...statement } = thread;
	return {
		statement,
		isRecipient: recipientId === ctx.user.id,
		colleagues: statementRecipients(ctx.db, youngPersonId, ctx.today)
			.filter((worker) => worker.id !== recipientId)
			.map(({ id, name, linkType }) => ({ id, name, linkType })),
		// A complaint is the complaints manager's to answer; its worker sees where the clock stands.
		complaint:
			thread.template === 'complain'
				? complaintClockOfStatement(ctx.db, thread.id, ctx.today)
				: null,
		replyKey: newId(),
		handoverKey: newId()
	};
}) satisfies PageServerLoad;

/** Opens the statement (refused and audited as its record would be), then logs what was done to it. */
function changeStatement(ctx: SignedInContext, event: ActionEvent, action: AuditAction) {
	const owner = openStatement(ctx, event.params.id, event.url.pathname);
	return () => ctx.audit({ action, subjectUserId: owner.youngPersonId, detail: event.params.id });
}

export const actions = formActions({
	reply: action('openRecords', replySchema, (ctx, reply, event) => {
		openStatement(ctx, event.params.id, event.url.pathname);
		replyToStatement(
			ctx.db,
			{ statementId: event.params.id, authorId: ctx.user.id, ...reply },
			ctx.now
		);
		return { done: m.statement_saved() };
	}),
	acknowledge: action('openRecords', (ctx, event) => {
		const audit = changeStatement(ctx, event, 'statement.acknowledged');
		acknowledgeStatement(ctx.db, ctx.user.id, event.params.id, ctx.now);
		audit();
		return { done: m.statement_saved() };
	}),
	themes: action('openRecords', themesSchema, (ctx, { themes }, event) => {
		const audit = changeStatement(ctx, event, 'statement.themes_changed');
		setStatementThemes(ctx.db, event.params.id, themes);
		audit();
		return { done: m.statement_saved() };
	}),
	reassign: action('openRecords', reassignSchema, (ctx, handover, event) => {
		const audit = changeStatement(ctx, event, 'statement.reassigned');
		const passed = handOverStatement(
			ctx.db,
			{
				statementId: event.params.id,
				toStaffId: handover.staffId,
				byStaffId: ctx.user.id,
				note: handover.note,
				clientKey: handover.clientKey
			},
			ctx.now
		);
		if (!passed.ok) return refuse({ staffId: m.error_not_linked() });
		if (!passed.duplicate) audit();
		return { done: m.statement_reassigned() };
	}),
	caseRecord: action('openRecords', (ctx, event) => {
		const audit = changeStatement(ctx, event, 'statement.case_recorded');
		markCaseRecorded(ctx.db, ctx.user.id, event.params.id, ctx.now);
		audit();
		return { done: m.statement_saved() };
	})
}) satisfies Actions;
