import { redirect } from '@sveltejs/kit';
import { meetingSchema } from '$lib/server/forum/schemas';
import { action, formActions, page } from '$lib/server/http/handlers';
import { createMeeting, meetings } from '$lib/server/forum/board';
import type { Actions, PageServerLoad } from './$types';

export const load = page('seeBoard', (ctx) => ({
	meetings: meetings(ctx.db),
	mayRun: ctx.can('runBoard')
})) satisfies PageServerLoad;

export const actions = formActions({
	create: action('runBoard', meetingSchema, (ctx, meeting) => {
		const id = createMeeting(ctx.db, meeting, ctx.now);
		redirect(303, `/board/meetings/${id}`);
	})
}) satisfies Actions;
