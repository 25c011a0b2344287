// Kept apart from the outbox so pages that only forget drafts or lock the phone do not load
// IndexedDB code. The service worker keeps drafts sealed (src/lib/sealed-store.ts).

/** The database that holds this phone's outbox keys (one each young person signed in here). */
export const KEY_DATABASE = 'hearth-keys';

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

/**
 * Quick exit: delete the outbox key now, without waiting on anything, so only ciphertext stays.
 * Both ways: the service worker, which outlives this page, and the database call itself.
 */
export function lockNow(): void {
	navigator.serviceWorker?.controller?.postMessage({ type: 'lock' });
	try {
		indexedDB.deleteDatabase(KEY_DATABASE);
	} catch {
		// No IndexedDB here: there is no key to delete.
	}
}
