import { error, json } from '@sveltejs/kit';
import { outboxKeyFor } from '$lib/server/crypto/outbox-key';
import { endpoint } from '$lib/server/http/handlers';
import type { RequestHandler } from './$types';

/**
 * The key a young person's phone seals their offline outbox and drafts with, for a signed-in
 * session of theirs only: signed out it sends to sign in, and anyone else is refused. The phone
 * keeps it as a key it cannot read back, and forgets it at sign-out and quick exit.
 */
// 'useMyPages', not 'askForHelp': a device quick exit locked must not get the key back.
export const GET = endpoint('useMyPages', (ctx, event) => {
	// Only Hearth's own pages and service worker ask for it; browsers say where a request came from.
	const site = event.request.headers.get('sec-fetch-site');
	if (site && site !== 'same-origin') error(403, 'Not from Hearth.');
	return json(
		{ owner: ctx.user.id, key: outboxKeyFor(ctx.user.id).toString('base64url') },
		{ headers: { 'cache-control': 'no-store' } }
	);
}) satisfies RequestHandler;
