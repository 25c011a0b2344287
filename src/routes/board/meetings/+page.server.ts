import { redirect } from '@sveltejs/kit';
import { meetingSchema } from '$lib/schemas/forum';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { parseForm, text } from '$lib/server/forms';
import { createMeeting, meetings } from '$lib/server/forum/board';
import { now } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'board_member', 'participation_officer');
	return { meetings: meetings(getDb()), isOfficer: user.roles.includes('participation_officer') };
};

export const actions: Actions = {
	create: async (event) => {
		requireRole(event, 'participation_officer');
		const formData = await event.request.formData();
		const parsed = parseForm(
			meetingSchema,
			{ meetingOn: text(formData, 'meetingOn'), place: text(formData, 'place') },
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const id = createMeeting(getDb(), parsed.data, now());
		redirect(303, `/board/meetings/${id}`);
	}
};
