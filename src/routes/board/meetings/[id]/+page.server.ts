import type { z } from 'zod';
import { actionSchema, agendaSchema, minutesSchema } from '$lib/server/forum/schemas';
import type { SignedInContext } from '$lib/server/http/context';
import {
	action,
	formActions,
	notFound,
	page,
	refuse,
	type ActionEvent
} from '$lib/server/http/handlers';
import {
	addAgendaItem,
	createAction,
	issuesWithBoard,
	meetingDetail,
	possibleOwners,
	saveMeetingRecord
} from '$lib/server/forum/board';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

function boardMeeting(ctx: SignedInContext, event: Pick<ActionEvent, 'params'>) {
	const meeting = meetingDetail(ctx.db, event.params.id, ctx.today);
	if (!meeting) notFound();
	return meeting;
}

/** A form about this meeting: a missing meeting is a 404 before anything is read. */
function aboutMeeting<S extends z.ZodType>(schema: (ctx: SignedInContext) => S) {
	return (ctx: SignedInContext, event: ActionEvent) => {
		boardMeeting(ctx, event);
		return schema(ctx);
	};
}

export const load = page('seeBoard', (ctx, event) => {
	const meeting = boardMeeting(ctx, event);
	const mayRun = ctx.can('runBoard');
	return {
		meeting: { ...meeting, actions: meeting.actions.map(({ ownerId: _o, ...a }) => a) },
		mayRun,
		withBoard: mayRun ? issuesWithBoard(ctx.db) : [],
		owners: mayRun ? possibleOwners(ctx.db) : [],
		today: ctx.today
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	agenda: action(
		'runBoard',
		aboutMeeting(() => agendaSchema),
		(ctx, item, event) => {
			if (!addAgendaItem(ctx.db, event.params.id, item))
				return refuse({ title: m.forum_error_title() });
			return { done: m.issue_done() };
		}
	),
	record: action(
		'runBoard',
		aboutMeeting(() => minutesSchema),
		(ctx, record, event) => {
			saveMeetingRecord(ctx.db, event.params.id, record);
			return { done: m.issue_done() };
		}
	),
	action: action(
		'runBoard',
		aboutMeeting((ctx) => actionSchema(ctx.today)),
		(ctx, made, event) => {
			if (!createAction(ctx.db, { ...made, meetingId: event.params.id }, ctx.now))
				return refuse({ ownerId: m.error_choose_one() });
			return { done: m.issue_done() };
		}
	)
}) satisfies Actions;
