import { z } from 'zod';
import { THEMES } from '$lib/domain/voice';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { allYoungPeople, youngPeopleLinkedTo } from '$lib/server/people/young-people';
import { shownAlerts, workerInbox } from '$lib/server/voice/inbox';
import { now, todayInUk } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

const filterSchema = z.object({
	person: z.string().max(64).optional().catch(undefined),
	theme: z.enum(THEMES).optional().catch(undefined)
});

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'worker', 'iro', 'manager');
	const db = getDb();
	const filter = filterSchema.parse({
		person: event.url.searchParams.get('person') || undefined,
		theme: event.url.searchParams.get('theme') || undefined
	});
	const inbox = workerInbox(
		db,
		user.id,
		{ youngPersonId: filter.person, theme: filter.theme },
		now(),
		user.roles
	);
	return {
		inbox: {
			alerts: shownAlerts(inbox.alerts),
			statements: inbox.statements.map(({ youngPersonId: _id, ...statement }) => statement),
			people: inbox.people
		},
		filter,
		mine: youngPeopleLinkedTo(db, user.id, todayInUk()),
		everyone: user.roles.includes('manager') ? allYoungPeople(db, todayInUk()) : null
	};
};

// No framework JavaScript: the page is a server-made view, with enhance.js for the bell.
export const csr = false;
