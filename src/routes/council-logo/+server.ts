import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dataDir } from '$lib/server/config';
import { getCouncilSettings } from '$lib/server/council/settings';
import { endpoint } from '$lib/server/http/handlers';
import type { RequestHandler } from './$types';

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

/** The council's logo is public: it is on the sign-in page. */
export const GET = endpoint('anyone', async (ctx) => {
	const file = getCouncilSettings(ctx.db)?.logoFile;
	if (!file) error(404, 'No logo');
	const body = await readFile(path.join(dataDir(), file));
	return new Response(body, {
		headers: {
			'Content-Type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
			'Cache-Control': 'public, max-age=86400'
		}
	});
}) satisfies RequestHandler;
