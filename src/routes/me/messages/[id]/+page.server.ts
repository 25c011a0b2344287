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
import { SIGNALS, type Answers } from '$lib/domain/voice';
import { agreesToShareWithAdvocacy, wantsAnAdvocate } from '$lib/domain/complaints';
import { getCouncilSettings } from '$lib/server/council/settings';
import { complaintForYoungPerson } from '$lib/server/voice/complaints';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** A young person's own statement, or 404: another's looks the same as none. */
function ownStatement(ctx: RequestContext, statementId: string, youngPersonId: string) {
	const owner = statementOwner(ctx.db, statementId);
	if (!owner || owner.youngPersonId !== youngPersonId) notFound();
}

/** What the young person is told about their complaint and advocate request: who has it, and when. */
function complainStatus(ctx: RequestContext, statementId: string, answers: Answers) {
	const council = getCouncilSettings(ctx.db);
	return {
		...complaintForYoungPerson(ctx.db, statementId, ctx.today),
		// Asked for an advocate and said no to passing their name on: told what happens instead.
		advocacyNotShared: wantsAnAdvocate(answers) && !agreesToShareWithAdvocacy(answers),
		council: council?.name ?? '',
		service: council?.advocacyName || m.advocacy_service_default(),
		servicePhone: council?.advocacyPhone ?? null
	};
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
		complaint:
			thread.template === 'complain' ? complainStatus(ctx, thread.id, thread.answers) : null,
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
