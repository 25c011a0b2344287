import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

/**
 * The outbox: what a young person sent while offline, kept on the device (IndexedDB, which the
 * page and the service worker share) until the server has it. The service worker sends it when
 * the connection comes back; each item keeps its form's key, so sending twice stores it once.
 */
export interface OutboxItem {
	/** The form's client key: also the item's key here. */
	key: string;
	/** Whose it is: only sent while that person is signed in, and only shown to them. */
	owner: string;
	kind: 'statement' | 'unsafe';
	template?: string;
	body: Record<string, unknown>;
	createdAt: number;
	state: 'waiting' | 'failed';
}

export const OUTBOX_SYNC_TAG = 'hearth-outbox';
export const OUTBOX_ENDPOINT = '/api/voice';

let store: UseStore | undefined;
const outbox = () => (store ??= createStore('hearth-outbox', 'items'));

export async function putInOutbox(item: OutboxItem): Promise<void> {
	await set(item.key, item, outbox());
}

export async function outboxFor(owner: string): Promise<OutboxItem[]> {
	const all = (await entries<string, OutboxItem>(outbox())).map(([, item]) => item);
	return all.filter((item) => item.owner === owner).sort((a, b) => a.createdAt - b.createdAt);
}

export async function removeFromOutbox(key: string): Promise<void> {
	await del(key, outbox());
}

/**
 * Try to send everything waiting. Sent items leave the outbox; an item the server refuses as
 * wrong (400) stays, marked failed, so its words are never lost; anything else waits for later.
 */
export async function flushOutbox(send: typeof fetch = fetch): Promise<{ sent: number }> {
	let sent = 0;
	for (const [key, item] of await entries<string, OutboxItem>(outbox())) {
		if (item.state !== 'waiting') continue;
		let response: Response;
		try {
			response = await send(OUTBOX_ENDPOINT, {
				method: 'POST',
				credentials: 'same-origin',
				redirect: 'manual',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					kind: item.kind,
					template: item.template,
					owner: item.owner,
					...item.body
				})
			});
		} catch {
			return { sent }; // still offline
		}
		if (response.status === 200 || response.status === 201) {
			await del(key, outbox());
			sent++;
		} else if (response.status === 400 || response.status === 404) {
			const current = await get<OutboxItem>(key, outbox());
			if (current) await set(key, { ...current, state: 'failed' }, outbox());
		}
	}
	return { sent };
}

/** Ask the service worker to send the outbox now, and (where the browser can) when back online. */
export async function requestOutboxSend(): Promise<void> {
	const registration = await navigator.serviceWorker?.getRegistration();
	const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)
		?.sync;
	await sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
	const worker = navigator.serviceWorker?.controller;
	if (worker) worker.postMessage({ type: 'flush-outbox' });
	else await flushOutbox();
}

/**
 * Which kept form a post is, from its address: "I feel unsafe" (/me/unsafe) or a statement
 * (/me/say/<template>?/send, with its template); null for any other post.
 */
export function keptForm(
	url: URL
): { kind: 'unsafe' } | { kind: 'statement'; template: string } | null {
	if (url.pathname === '/me/unsafe') return { kind: 'unsafe' };
	// Picture mode's form keeps its step in the address, so a refused send returns to it.
	if (url.pathname === '/me/express' && url.searchParams.has('/send'))
		return { kind: 'statement', template: 'express' };
	const template = /^\/me\/say\/([a-z_]+)$/.exec(url.pathname)?.[1];
	return template && url.search === '?/send' ? { kind: 'statement', template } : null;
}

/**
 * The outbox item for an "I feel unsafe" or statement form sent with no signal, read from the
 * form itself; null for any other post, or a form without its key or owner. Answers go as the
 * form had them: the server reads them the same way as the form's own post.
 */
export function formToOutboxItem(url: URL, form: FormData, now = Date.now()): OutboxItem | null {
	const kept = keptForm(url);
	const clientKey = form.get('clientKey');
	const owner = form.get('owner');
	if (!kept || typeof clientKey !== 'string' || typeof owner !== 'string' || !clientKey || !owner)
		return null;
	if (kept.kind === 'unsafe')
		return {
			key: clientKey,
			owner,
			kind: 'unsafe',
			body: { clientKey },
			createdAt: now,
			state: 'waiting'
		};
	const answers: Record<string, string | string[]> = {};
	for (const name of new Set(form.keys())) {
		if (name === 'clientKey' || name === 'owner' || name === 'recipientId') continue;
		const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
		answers[name] = values.length === 1 ? values[0] : values;
	}
	return {
		key: clientKey,
		owner,
		kind: 'statement',
		template: kept.template,
		body: { answers, recipientId: form.get('recipientId') ?? '', clientKey },
		createdAt: now,
		state: 'waiting'
	};
}

/** A random key for a form, made on the device. */
export function newClientKey(): string {
	return crypto.randomUUID().replaceAll('-', '');
}
