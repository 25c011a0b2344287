import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/http/handlers';
import { unreadCount } from '$lib/server/notify/notices';
import type { RequestHandler } from './$types';

/** The bell's number, so it can change without reloading the page (a few bytes, no personal data). */
export const GET = endpoint('signedIn', (ctx) =>
	json({ unread: unreadCount(ctx.db, ctx.user.id) }, { headers: { 'cache-control': 'no-store' } })
) satisfies RequestHandler;
