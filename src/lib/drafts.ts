// Kept apart from the outbox so pages that only forget drafts or lock the phone do not load
// IndexedDB code. The service worker keeps drafts sealed (src/lib/sealed-store.ts).

/** The database that holds this phone's outbox keys (one each young person signed in here). */
export const KEY_DATABASE = 'hearth-keys';
/** The database that holds drafts, sealed (src/lib/sealed-store.ts). */
export const DRAFT_DATABASE = 'hearth-drafts';

/** Drafts: what is typed in a form, kept sealed on this device until it is sent. */
export const draftKey = (owner: string, form: string) => `${owner}:${form}`;

/** The draft was sent: the service worker can drop it. */
export function forgetDraft(id: string): void {
	void navigator.serviceWorker?.ready.then((ready) =>
		ready.active?.postMessage({ type: 'draft-forget', id })
	);
}

/**
 * At sign-out the service worker sends what waits and then deletes the outbox key. A page it
 * does not control (a forced reload) deletes the key itself: nothing then can be sent first, but
 * nothing is left readable either.
 */
export function lockForSignOut(): void {
	if (!navigator.serviceWorker?.controller) indexedDB.deleteDatabase(KEY_DATABASE);
}

/** Where quick exit locks this device's session (src/routes/exit). */
export const QUICK_EXIT_ENDPOINT = '/exit';

/**
 * Quick exit, without waiting on anything: lock this device's session on the server (sent with
 * `keepalive`, so it goes even as the page leaves; the service worker sends it too and holds the
 * next page back until it is in), clear the drafts and delete the outbox key, so what waits to be
 * sent stays only as ciphertext.
 */
export function lockNow(): void {
	navigator.serviceWorker?.controller?.postMessage({ type: 'lock' });
	void fetch(QUICK_EXIT_ENDPOINT, {
		method: 'POST',
		keepalive: true,
		credentials: 'same-origin'
	}).catch(() => undefined);
	try {
		indexedDB.deleteDatabase(KEY_DATABASE);
		// Without a service worker to clear them, the browser deletes them once nothing has them open.
		if (!navigator.serviceWorker?.controller) indexedDB.deleteDatabase(DRAFT_DATABASE);
	} catch {
		// No IndexedDB here: there is nothing to delete.
	}
}
