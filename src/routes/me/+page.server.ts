import { page } from '$lib/server/http/handlers';
import { myWorkers } from '$lib/server/people/young-people';
import { newReplyCount } from '$lib/server/voice/statements';
import { feelingChoices } from '$lib/words/express-pictures';
import { newId } from '$lib/server/ids';
import { expressState } from '$lib/server/preferences/express';
import type { PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx, event) => {
	const express = expressState(ctx.db, ctx.user.id, ctx.today);
	return {
		// Picture mode (on by itself under 8): the home page is the first step of saying how they feel.
		express: express.on ? { feelings: feelingChoices(newId(), ctx.user.id) } : null,
		name: ctx.user.displayName,
		workers: myWorkers(ctx.db, ctx.user.id, ctx.today),
		newReplies: newReplyCount(ctx.db, ctx.user.id),
		// Flags from the pages that send a young person here: joining, and a new password.
		welcome: event.url.searchParams.has('welcome'),
		newPassword: event.url.searchParams.has('new-password')
	};
}) satisfies PageServerLoad;

// No framework JavaScript: plain HTML, with static/enhance.js for offline and the bell.
export const csr = false;
