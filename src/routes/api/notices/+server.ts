import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/notify/notices';
import type { RequestHandler } from './$types';

/** The bell's number, so it can change without reloading the page (a few bytes, no personal data). */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	return json(
		{ unread: unreadCount(getDb(), user.id) },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
