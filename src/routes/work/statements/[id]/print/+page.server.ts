import { page } from '$lib/server/http/handlers';
import { openStatement } from '$lib/server/voice/access';
import { statementThread } from '$lib/server/voice/statements';
import type { PageServerLoad } from './$types';

export const load = page('openRecords', (ctx, event) => {
	const owner = openStatement(ctx, event.params.id, event.url.pathname);
	const thread = statementThread(ctx.db, event.params.id)!;
	// A paper copy leaves the system: say who made one, and when.
	ctx.audit({
		action: 'statement.printed',
		subjectUserId: owner.youngPersonId,
		detail: event.params.id
	});
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
		printedAt: ctx.now
	};
}) satisfies PageServerLoad;
