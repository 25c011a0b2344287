import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { myWorkers } from '$lib/server/people/young-people';
import { newReplyCount } from '$lib/server/voice/statements';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	return {
		name: user.displayName,
		workers: myWorkers(getDb(), user.id),
		newReplies: newReplyCount(getDb(), user.id),
		welcome: event.url.searchParams.has('welcome'),
		newPassword: event.url.searchParams.has('new-password')
	};
};

// No framework JavaScript: plain HTML, with static/enhance.js for offline and the bell.
export const csr = false;
