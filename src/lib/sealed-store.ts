import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';
import { DRAFT_DATABASE, KEY_DATABASE } from './drafts';

// Phones are shared. What a young person writes and has not sent yet (the outbox, drafts) is kept
// on the phone sealed with AES-256-GCM under their own outbox key, which the server hands only to
// a signed-in session of theirs (src/routes/api/outbox-key). The phone keeps that key as a
// CryptoKey that cannot be read back out (non-extractable), in IndexedDB so the service worker
// can seal a post it catches offline, and deletes it at sign-out and quick exit: from then on
// only ciphertext is left, which nobody can open until that young person signs in again.

/** Sealed data as stored: AES-GCM ciphertext (with its tag) and the random 96-bit IV. */
export interface Sealed {
	iv: Uint8Array;
	data: ArrayBuffer;
}

export const OUTBOX_KEY_ENDPOINT = '/api/outbox-key';
// The key store is a database of its own, so forgetting it is one call that needs nothing opened.
const KEY_STORE = 'keys';

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A raw 32-byte key from the server as a CryptoKey that can seal and open but never be read. */
export function importOutboxKey(base64url: string): Promise<CryptoKey> {
	return crypto.subtle.importKey('raw', fromBase64url(base64url), 'AES-GCM', false, [
		'encrypt',
		'decrypt'
	]);
}

/** Seal any JSON value with a fresh IV. */
export async function sealJson(key: CryptoKey, value: unknown): Promise<Sealed> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const plain = new TextEncoder().encode(JSON.stringify(value));
	return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain) };
}

/** Open what sealJson sealed. Throws if it was changed or sealed under another key. */
export async function openJson<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
	const iv = new Uint8Array(sealed.iv);
	const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed.data);
	return JSON.parse(new TextDecoder().decode(plain)) as T;
}

// The key store opens, uses and closes its database each time (idb-keyval keeps it open), so
// deleting the database at quick exit is never held up by a connection left open.
function withKeyStore<T>(
	mode: IDBTransactionMode,
	use: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(KEY_DATABASE, 1);
		open.onupgradeneeded = () => open.result.createObjectStore(KEY_STORE);
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			db.onversionchange = () => db.close();
			const transaction = db.transaction(KEY_STORE, mode);
			const request = use(transaction.objectStore(KEY_STORE));
			transaction.oncomplete = () => {
				db.close();
				resolve(request.result);
			};
			transaction.onerror = transaction.onabort = () => {
				db.close();
				reject(transaction.error);
			};
		};
	});
}

/** This person's key, while this phone holds it (signed in, and not since quick exit). */
export async function outboxKeyOf(owner: string): Promise<CryptoKey | undefined> {
	const found = await withKeyStore('readonly', (store) => store.get(owner)).catch(() => undefined);
	return found instanceof CryptoKey ? found : undefined;
}

/** Whose keys this phone holds now: the young person signed in here. */
export async function keyOwners(): Promise<string[]> {
	const owners = await withKeyStore('readonly', (store) => store.getAllKeys()).catch(() => []);
	return owners.map(String);
}

let forgets = 0;

/**
 * Delete every outbox key on this phone: one request, which the browser carries out even when
 * the page is leaving (quick exit). What is sealed stays, and can be opened again only after
 * its writer signs in again.
 */
export function forgetOutboxKeys(): Promise<void> {
	forgets++;
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(KEY_DATABASE);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
}

/**
 * Ask the server for the signed-in young person's key and keep it. Signed out, or not a young
 * person, the server refuses and every key here is deleted; with no connection, what is kept
 * stays as it is.
 */
export async function fetchOutboxKey(
	send: typeof fetch = fetch
): Promise<'kept' | 'refused' | 'offline'> {
	const before = forgets;
	let response: Response;
	try {
		response = await send(OUTBOX_KEY_ENDPOINT, {
			credentials: 'same-origin',
			redirect: 'manual',
			cache: 'no-store'
		});
	} catch {
		return 'offline';
	}
	if (response.status !== 200) {
		await forgetOutboxKeys();
		return 'refused';
	}
	const { owner, key } = (await response.json()) as { owner: string; key: string };
	const cryptoKey = await importOutboxKey(key);
	// Quick exit or sign-out while this was on its way: the key must not come back.
	if (forgets !== before) return 'refused';
	await withKeyStore('readwrite', (store) => store.put(cryptoKey, owner));
	return 'kept';
}

// Drafts: what is typed in a statement form, sealed, until it is sent. Keyed `<owner>:<form>`.
let drafts: UseStore | undefined;
const draftStore = () => (drafts ??= createStore(DRAFT_DATABASE, 'drafts'));
const ownerOfDraft = (id: string) => id.slice(0, Math.max(0, id.indexOf(':')));

/** Keep a draft sealed; without its writer's key on this phone it is not kept at all. */
export async function keepDraft(id: string, entries: [string, string][]): Promise<boolean> {
	const key = await outboxKeyOf(ownerOfDraft(id));
	if (!key) return false;
	await set(id, await sealJson(key, entries), draftStore());
	return true;
}

/** A draft's entries, if its writer's key is on this phone to open it. */
export async function readDraft(id: string): Promise<[string, string][] | null> {
	const sealed = await get<Sealed>(id, draftStore());
	const key = sealed && (await outboxKeyOf(ownerOfDraft(id)));
	if (!sealed || !key) return null;
	return openJson<[string, string][]>(key, sealed).catch(() => null);
}

export async function forgetDraft(id: string): Promise<void> {
	await del(id, draftStore());
}

/** Quick exit: every draft on this phone goes, sealed or not. What was typed is not kept. */
export async function forgetAllDrafts(): Promise<void> {
	await clear(draftStore());
}
