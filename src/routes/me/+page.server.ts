import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { myWorkers } from '$lib/server/people/young-people';
import { newReplyCount } from '$lib/server/voice/statements';
import { feelingChoices } from '$lib/components/express-pictures';
import { newId } from '$lib/server/ids';
import { expressState } from '$lib/server/preferences/express';
import type { PageServerLoad } from './$types';
import { todayInUk } from '$lib/server/clock';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const express = expressState(getDb(), user.id, todayInUk());
	return {
		// Picture mode (on by itself under 8): the home page is the first step of saying how they feel.
		express: express.on
			? {
					feelings: feelingChoices(newId(), user.id)
				}
			: null,
		name: user.displayName,
		workers: myWorkers(getDb(), user.id, todayInUk()),
		newReplies: newReplyCount(getDb(), user.id),
		welcome: event.url.searchParams.has('welcome'),
		newPassword: event.url.searchParams.has('new-password')
	};
};

// No framework JavaScript: plain HTML, with enhance.js for offline and the bell.
export const csr = false;
