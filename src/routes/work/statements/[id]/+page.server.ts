import { reassignSchema, themesSchema } from '$lib/schemas/voice';
import { recordAudit } from '$lib/server/audit/log';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import { newId } from '$lib/server/ids';
import { requireStatementAccess } from '$lib/server/voice/access';
import { statementRecipients } from '$lib/server/voice/people';
import {
	acknowledgeStatement,
	markCaseRecorded,
	markSeenByWorker,
	handOverStatement,
	setStatementThemes,
	statementThread
} from '$lib/server/voice/statements';
import { now, todayInUk } from '$lib/server/clock';
import { replyFromForm } from '$lib/server/voice/submit';
import { m } from '$lib/paraglide/messages';
import type { AuditAction } from '$lib/domain/audit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, owner } = requireStatementAccess(event, event.params.id);
	const db = getDb();
	// Only the person it is addressed to gives the young person their "read" receipt.
	if (owner.recipientId === user.id) markSeenByWorker(db, event.params.id, now());
	const thread = statementThread(db, event.params.id)!;
	const { youngPersonId, recipientId, ...statement } = thread;
	return {
		statement,
		isRecipient: recipientId === user.id,
		colleagues: statementRecipients(db, youngPersonId, todayInUk())
			.filter((worker) => worker.id !== recipientId)
			.map(({ id, name, linkType }) => ({ id, name, linkType })),
		replyKey: newId(),
		handoverKey: newId()
	};
};

function audit(event: RequestEvent, actorId: string, youngPersonId: string, action: AuditAction) {
	recordAudit(
		getDb(),
		{
			actorId,
			action,
			subjectUserId: youngPersonId,
			detail: event.params.id,
			address: event.getClientAddress()
		},
		now()
	);
}

export const actions: Actions = {
	reply: async (event) => {
		const { user } = requireStatementAccess(event, event.params.id);
		const refused = await replyFromForm(event.request, event.params.id, user.id);
		if (refused) return refused;
		return { done: m.statement_saved() };
	},
	acknowledge: async (event) => {
		const { user, owner } = requireStatementAccess(event, event.params.id);
		acknowledgeStatement(getDb(), user.id, event.params.id, now());
		audit(event, user.id, owner.youngPersonId, 'statement.acknowledged');
		return { done: m.statement_saved() };
	},
	themes: async (event) => {
		const { user, owner } = requireStatementAccess(event, event.params.id);
		const formData = await event.request.formData();
		const parsed = parseForm(themesSchema, { themes: formData.getAll('themes') }, formData);
		if (!parsed.ok) return parsed.failure;
		setStatementThemes(getDb(), event.params.id, parsed.data.themes);
		audit(event, user.id, owner.youngPersonId, 'statement.themes_changed');
		return { done: m.statement_saved() };
	},
	reassign: async (event) => {
		const { user, owner } = requireStatementAccess(event, event.params.id);
		const formData = await event.request.formData();
		const parsed = parseForm(
			reassignSchema,
			{
				staffId: text(formData, 'staffId'),
				note: text(formData, 'note'),
				clientKey: text(formData, 'clientKey')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const passed = handOverStatement(
			getDb(),
			{
				statementId: event.params.id,
				toStaffId: parsed.data.staffId,
				byStaffId: user.id,
				note: parsed.data.note,
				clientKey: parsed.data.clientKey
			},
			now()
		);
		if (!passed.ok) return invalid(formData, { staffId: m.error_not_linked() });
		if (passed.duplicate) return { done: m.statement_reassigned() };
		audit(event, user.id, owner.youngPersonId, 'statement.reassigned');
		return { done: m.statement_reassigned() };
	},
	caseRecord: async (event) => {
		const { user, owner } = requireStatementAccess(event, event.params.id);
		markCaseRecorded(getDb(), user.id, event.params.id, now());
		audit(event, user.id, owner.youngPersonId, 'statement.case_recorded');
		return { done: m.statement_saved() };
	}
};
