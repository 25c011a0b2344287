import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { outboxKeyFor } from '$lib/server/crypto/outbox-key';
import type { RequestHandler } from './$types';

/**
 * The key a young person's phone seals their offline outbox and drafts with, for a signed-in
 * session of theirs only: signed out it sends to sign in, and anyone else is refused. The phone
 * keeps it as a key it cannot read back, and forgets it at sign-out and quick exit.
 */
export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	// Only Hearth's own pages and service worker ask for it; browsers say where a request came from.
	const site = event.request.headers.get('sec-fetch-site');
	if (site && site !== 'same-origin') error(403, 'Not from Hearth.');
	return json(
		{ owner: user.id, key: outboxKeyFor(user.id).toString('base64url') },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
