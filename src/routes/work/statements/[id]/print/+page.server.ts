import { recordAudit } from '$lib/server/audit/log';
import { getDb } from '$lib/server/db';
import { requireStatementAccess } from '$lib/server/voice/access';
import { statementThread } from '$lib/server/voice/statements';
import { now } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, owner } = requireStatementAccess(event, event.params.id);
	const db = getDb();
	const thread = statementThread(db, event.params.id)!;
	// A paper copy leaves the system: say who made one, and when.
	recordAudit(
		db,
		{
			actorId: user.id,
			action: 'statement.printed',
			subjectUserId: owner.youngPersonId,
			detail: event.params.id,
			address: event.getClientAddress()
		},
		now()
	);
	return {
		statement: {
			id: thread.id,
			template: thread.template,
			youngPersonName: thread.youngPersonName,
			recipientName: thread.recipientName,
			createdAt: thread.createdAt,
			answers: thread.answers,
			messages: thread.messages,
			language: thread.language,
			express: thread.express,
			madeWithName: thread.madeWithName
		},
		printedAt: now()
	};
};
