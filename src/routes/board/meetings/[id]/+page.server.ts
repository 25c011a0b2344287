import { error } from '@sveltejs/kit';
import { ukToday } from '$lib/domain/people';
import { actionSchema, agendaSchema, minutesSchema } from '$lib/schemas/forum';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import {
	addAgendaItem,
	createAction,
	issuesWithBoard,
	meetingDetail,
	possibleOwners,
	saveMeetingRecord
} from '$lib/server/forum/board';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireMeeting(
	event: RequestEvent,
	...roles: ('board_member' | 'participation_officer')[]
) {
	const user = requireRole(event, ...roles);
	const meeting = meetingDetail(getDb(), event.params.id, ukToday(now()));
	if (!meeting) error(404, m.error_not_found());
	return { user, meeting };
}

export const load: PageServerLoad = (event) => {
	const { user, meeting } = requireMeeting(event, 'board_member', 'participation_officer');
	const isOfficer = user.roles.includes('participation_officer');
	const db = getDb();
	return {
		meeting: { ...meeting, actions: meeting.actions.map(({ ownerId: _o, ...a }) => a) },
		isOfficer,
		withBoard: isOfficer ? issuesWithBoard(db) : [],
		owners: isOfficer ? possibleOwners(db) : [],
		today: ukToday(now())
	};
};

export const actions: Actions = {
	agenda: async (event) => {
		requireMeeting(event, 'participation_officer');
		const formData = await event.request.formData();
		const parsed = parseForm(
			agendaSchema,
			{ issueId: text(formData, 'issueId') || undefined, title: text(formData, 'title') },
			formData
		);
		if (!parsed.ok) return parsed.failure;
		if (!addAgendaItem(getDb(), event.params.id, parsed.data))
			return invalid(formData, { title: m.forum_error_title() });
		return { done: true };
	},
	record: async (event) => {
		requireMeeting(event, 'participation_officer');
		const formData = await event.request.formData();
		const parsed = parseForm(
			minutesSchema,
			{ attendees: text(formData, 'attendees'), minutes: text(formData, 'minutes') },
			formData
		);
		if (!parsed.ok) return parsed.failure;
		saveMeetingRecord(getDb(), event.params.id, parsed.data);
		return { done: true };
	},
	action: async (event) => {
		requireMeeting(event, 'participation_officer');
		const formData = await event.request.formData();
		const parsed = parseForm(
			actionSchema(ukToday(now())),
			{
				what: text(formData, 'what'),
				ownerId: text(formData, 'ownerId'),
				dueOn: text(formData, 'dueOn'),
				issueId: text(formData, 'issueId')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		if (!createAction(getDb(), { ...parsed.data, meetingId: event.params.id }, now()))
			return invalid(formData, { ownerId: m.error_choose_one() });
		return { done: true };
	}
};
