import { dutySchema } from '$lib/server/voice/schemas';
import { action, formActions, page } from '$lib/server/http/handlers';
import { teamWaiting } from '$lib/server/voice/inbox';
import { isOnDuty, setDuty } from '$lib/server/voice/people';
import type { Actions, PageServerLoad } from './$types';

export const load = page('manageTeam', (ctx) => ({
	...teamWaiting(ctx.db, ctx.now),
	onDuty: isOnDuty(ctx.db, ctx.user.id)
})) satisfies PageServerLoad;

export const actions = formActions({
	duty: action('manageTeam', dutySchema, (ctx, { onDuty }) => {
		setDuty(ctx.db, ctx.user.id, onDuty === 'on', ctx.now);
	})
}) satisfies Actions;

// No framework JavaScript: the page is a server-made view, with enhance.js for the bell.
export const csr = false;
