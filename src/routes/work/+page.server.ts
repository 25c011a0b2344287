import { z } from 'zod';
import { THEMES } from '$lib/domain/voice';
import { page } from '$lib/server/http/handlers';
import { allYoungPeople, youngPeopleLinkedTo } from '$lib/server/people/young-people';
import { shownAlerts, workerInbox } from '$lib/server/voice/inbox';
import { complaintsInbox } from '$lib/server/voice/complaints';
import type { Db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The complaints manager's count on their home page: how many wait, how many are overdue. */
function waitingComplaints(db: Db, today: string) {
	const { open } = complaintsInbox(db, today);
	return { count: open.length, overdue: open.filter((row) => row.clock.overdue).length };
}

const filterSchema = z.object({
	person: z.string().max(64).optional().catch(undefined),
	theme: z.enum(THEMES).optional().catch(undefined),
	find: z.string().trim().max(64).catch('')
});

/** Whether a young person matches what was typed in the search box: part of the name, or the council ID. */
function matches(person: { name: string; councilChildId: string | null }, find: string): boolean {
	if (!find) return true;
	const wanted = find.toLocaleLowerCase('en-GB');
	return (
		person.name.toLocaleLowerCase('en-GB').includes(wanted) ||
		(person.councilChildId?.toLocaleLowerCase('en-GB') ?? '') === wanted
	);
}

export const load = page('useWorkArea', (ctx, event) => {
	const filter = filterSchema.parse({
		person: event.url.searchParams.get('person') || undefined,
		theme: event.url.searchParams.get('theme') || undefined,
		find: event.url.searchParams.get('find') ?? ''
	});
	const inbox = workerInbox(
		ctx.db,
		ctx.user.id,
		{ youngPersonId: filter.person, theme: filter.theme },
		ctx.now,
		ctx.user.roles
	);
	return {
		inbox: {
			alerts: shownAlerts(inbox.alerts),
			statements: inbox.statements.map(({ youngPersonId: _id, ...statement }) => statement),
			people: inbox.people
		},
		filter,
		find: filter.find,
		mine: youngPeopleLinkedTo(ctx.db, ctx.user.id, ctx.today).filter((person) =>
			matches(person, filter.find)
		),
		everyone: ctx.can('openEveryRecord')
			? allYoungPeople(ctx.db, ctx.today).filter((person) => matches(person, filter.find))
			: null,
		complaints: ctx.can('handleComplaints') ? waitingComplaints(ctx.db, ctx.today) : null
	};
}) satisfies PageServerLoad;

// No framework JavaScript: the page is a server-made view, with static/enhance.js for the bell.
export const csr = false;
