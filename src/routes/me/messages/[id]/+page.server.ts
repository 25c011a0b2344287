import { replySchema } from '$lib/server/voice/schemas';
import type { RequestContext } from '$lib/server/http/context';
import { action, formActions, notFound, page } from '$lib/server/http/handlers';
import { newId } from '$lib/server/ids';
import {
	markSeenByYoungPerson,
	statementOwner,
	statementThread
} from '$lib/server/voice/statements';
import { replyToStatement } from '$lib/server/voice/submit';
import { SIGNALS } from '$lib/domain/voice';
import type { Actions, PageServerLoad } from './$types';

/** A young person's own statement, or 404: another's looks the same as none. */
function ownStatement(ctx: RequestContext, statementId: string, youngPersonId: string) {
	const owner = statementOwner(ctx.db, statementId);
	if (!owner || owner.youngPersonId !== youngPersonId) notFound();
}

export const load = page('useMyPages', (ctx, event) => {
	ownStatement(ctx, event.params.id, ctx.user.id);
	const thread = statementThread(ctx.db, event.params.id)!;
	markSeenByYoungPerson(ctx.db, thread.id, ctx.now);
	return {
		statement: {
			id: thread.id,
			template: thread.template,
			recipientName: thread.recipientName,
			sentToName: thread.sentToName,
			// Who has it now and since when; the hand-over notes are staff's, not shown here.
			passedOn: thread.handovers.map(({ from, to, at }) => ({ from, to, at })),
			signals: thread.signals.filter((found) => !SIGNALS[found.signal].raisesAlert),
			answers: thread.answers,
			createdAt: thread.createdAt,
			readAt: thread.readAt,
			answeredAt: thread.answeredAt,
			messages: thread.messages
		},
		sent: event.url.searchParams.has('sent'),
		replyKey: newId()
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	reply: action('useMyPages', replySchema, (ctx, reply, event) => {
		ownStatement(ctx, event.params.id, ctx.user.id);
		replyToStatement(
			ctx.db,
			{ statementId: event.params.id, authorId: ctx.user.id, ...reply },
			ctx.now
		);
		return { replied: true };
	})
}) satisfies Actions;
