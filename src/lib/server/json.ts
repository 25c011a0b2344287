import { error, type RequestEvent } from '@sveltejs/kit';

/**
 * Read a small JSON body sent by Hearth's own pages. SvelteKit's origin check covers forms, not
 * JSON, so the Origin header is checked here; the size is capped before parsing.
 */
export async function readJson(
	event: Pick<RequestEvent, 'request' | 'url'>,
	maxBytes = 4096
): Promise<unknown> {
	if (event.request.headers.get('origin') !== event.url.origin)
		error(403, 'Requests must come from Hearth itself.');
	if (
		!(event.request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')
	) {
		error(400, 'Send JSON.');
	}
	const declared = Number(event.request.headers.get('content-length') ?? '0');
	if (declared > maxBytes) error(400, 'That request is too large.');
	const text = await event.request.text();
	if (Buffer.byteLength(text) > maxBytes) error(400, 'That request is too large.');
	try {
		return JSON.parse(text);
	} catch {
		error(400, 'That is not valid JSON.');
	}
}
