import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { newId } from '$lib/server/ids';
import {
	markSeenByYoungPerson,
	statementOwner,
	statementThread
} from '$lib/server/voice/statements';
import { now } from '$lib/server/clock';
import { replyFromForm } from '$lib/server/voice/submit';
import { m } from '$lib/paraglide/messages';
import { SIGNALS } from '$lib/domain/voice';
import type { Actions, PageServerLoad } from './$types';

/** A young person's own statement, or 404: another's looks the same as none. */
function ownStatement(statementId: string, youngPersonId: string) {
	const owner = statementOwner(getDb(), statementId);
	if (!owner || owner.youngPersonId !== youngPersonId) error(404, m.error_not_found());
}

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	ownStatement(event.params.id, user.id);
	const db = getDb();
	const thread = statementThread(db, event.params.id)!;
	markSeenByYoungPerson(db, thread.id, now());
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
};

export const actions: Actions = {
	reply: async (event) => {
		const user = requireRole(event, 'young_person', 'forum_member');
		ownStatement(event.params.id, user.id);
		const refused = await replyFromForm(event.request, event.params.id, user.id);
		if (refused) return refused;
		return { replied: true };
	}
};
