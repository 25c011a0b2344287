import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { fetchOutboxKey, openJson, outboxKeyOf, sealJson, type Sealed } from './sealed-store';

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

/**
 * An item as the outbox stores it: what it sends (the answers, the words, who it is for) sealed
 * under its writer's outbox key (src/lib/sealed-store.ts), so a phone left signed out holds
 * nothing readable. Only "I feel unsafe", which carries no words, may wait unsealed when the
 * phone has no key: a child asking for help is never turned away for want of one.
 */
export type StoredOutboxItem = Omit<OutboxItem, 'body'> &
	({ sealed: Sealed; body?: never } | { sealed?: never; body: { clientKey: string } });

export const OUTBOX_SYNC_TAG = 'hearth-outbox';
const OUTBOX_ENDPOINT = '/api/voice';

let store: UseStore | undefined;
const outbox = () => (store ??= createStore('hearth-outbox', 'items'));

/** The item as it is stored: its body sealed under `key`; without a key, only "I feel unsafe". */
export async function sealOutboxItem(
	item: OutboxItem,
	key: CryptoKey | undefined
): Promise<StoredOutboxItem | null> {
	const { body, ...rest } = item;
	if (key) return { ...rest, sealed: await sealJson(key, body) };
	if (item.kind === 'unsafe') return { ...rest, body: { clientKey: item.key } };
	return null;
}

/** What the stored item sends, opened with its writer's key; null while the key is not here. */
export async function openOutboxItem(
	item: StoredOutboxItem,
	key: CryptoKey | undefined
): Promise<Record<string, unknown> | null> {
	if (!item.sealed) return item.body;
	if (!key) return null;
	return openJson<Record<string, unknown>>(key, item.sealed).catch(() => null);
}

/**
 * Keep an item, sealed under its writer's key. False when it cannot be kept without leaving
 * words readable (no key on this phone): the caller must not pretend it was kept.
 */
export async function putInOutbox(item: OutboxItem): Promise<boolean> {
	const stored = await sealOutboxItem(item, await outboxKeyOf(item.owner));
	if (!stored) return false;
	await set(item.key, stored, outbox());
	return true;
}

/** What waits for this person, without what it says: enough to list it. */
export async function outboxFor(owner: string): Promise<StoredOutboxItem[]> {
	const all = (await entries<string, StoredOutboxItem>(outbox())).map(([, item]) => item);
	return all.filter((item) => item.owner === owner).sort((a, b) => a.createdAt - b.createdAt);
}

/** How many items wait on this phone (only those of these people, when given). */
export async function waitingCount(owners?: readonly string[]): Promise<number> {
	const all = (await entries<string, StoredOutboxItem>(outbox())).map(([, item]) => item);
	return all.filter((item) => !owners || owners.includes(item.owner)).length;
}

/**
 * Try to send everything waiting. Sent items leave the outbox; an item the server refuses as
 * wrong (400) stays, marked failed, so its words are never lost; anything else waits for later,
 * and so does anything sealed under a key this phone does not hold now (its writer is signed out)
 * and a statement from a device quick exit locked (423), until the password is typed again.
 */
export async function flushOutbox(send: typeof fetch = fetch): Promise<{ sent: number }> {
	let sent = 0;
	for (const [key, item] of await entries<string, StoredOutboxItem>(outbox())) {
		if (item.state !== 'waiting') continue;
		// "I feel unsafe" carries nothing but its key, so it goes with no key on the phone too: after
		// quick exit (which deletes the key and locks the session) it is sent all the same.
		const body =
			item.kind === 'unsafe'
				? { clientKey: item.key }
				: await openOutboxItem(item, await outboxKeyOf(item.owner));
		if (!body) continue;
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
					...body
				})
			});
		} catch {
			return { sent }; // still offline
		}
		if (response.status === 200 || response.status === 201) {
			await del(key, outbox());
			sent++;
		} else if (response.status === 400 || response.status === 404) {
			const current = await get<StoredOutboxItem>(key, outbox());
			if (current) await set(key, { ...current, state: 'failed' }, outbox());
		}
	}
	return { sent };
}

/**
 * Fetch the signed-in young person's key (so a post caught offline can be sealed, and what waits
 * can be opened and sent), then send. Used where there is no service worker to do it.
 */
async function fetchKeyAndFlush(send: typeof fetch = fetch): Promise<{ sent: number }> {
	await fetchOutboxKey(send);
	return flushOutbox(send);
}

/** Ask the service worker to send the outbox now, and (where the browser can) when back online. */
export async function requestOutboxSend(): Promise<void> {
	const registration = await navigator.serviceWorker?.getRegistration();
	const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)
		?.sync;
	await sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
	const worker = navigator.serviceWorker?.controller;
	// `key`: this is a young person's page, so their outbox key is wanted before any signal goes.
	if (worker) worker.postMessage({ type: 'flush-outbox', key: true });
	else await fetchKeyAndFlush();
}

/**
 * Which kept form a post is, from its address: "I feel unsafe" (/me/unsafe, or picture mode's
 * Scared tap) or a statement
 * (/me/say/<template>?/send, with its template); null for any other post.
 */
export function keptForm(
	url: URL
): { kind: 'unsafe' } | { kind: 'statement'; template: string } | null {
	if (url.pathname === '/me/unsafe') return { kind: 'unsafe' };
	// Picture mode's Scared tap raises the alert itself: with no signal it waits as "I feel unsafe".
	if (url.pathname === '/me/express' && url.search === '?/feeling') return { kind: 'unsafe' };
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
