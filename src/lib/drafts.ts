// The page's side of drafts, quick exit and sign-out, for framework pages and for the scripts of
// pages without it (src/lib/client-scripts). Kept apart from the outbox so those load no IndexedDB
// code: the service worker keeps drafts sealed (src/lib/sealed-store.ts).

/** The database that holds this phone's outbox keys (one each young person signed in here). */
export const KEY_DATABASE = 'hearth-keys';
/** The database that holds drafts, sealed (src/lib/sealed-store.ts). */
export const DRAFT_DATABASE = 'hearth-drafts';

/** Drafts: what is typed in a form, kept sealed on this device until it is sent. */
export const draftKey = (owner: string, form: string) => `${owner}:${form}`;

/** A form's entries as a draft keeps them: name and value, in the form's order. */
export type DraftEntries = [string, string][];

/** What a page asks of the service worker (src/service-worker.ts answers). */
export type WorkerMessage =
	| { type: 'flush-outbox'; key: boolean }
	| { type: 'language'; lang: string }
	| { type: 'lock' }
	| { type: 'draft-save'; id: string; entries: DraftEntries }
	| { type: 'draft-forget'; id: string };

/** Tell the service worker, once it is running. */
export function postToWorker(message: WorkerMessage): void {
	void navigator.serviceWorker?.ready.then((ready) => ready.active?.postMessage(message));
}

/** Hand what is typed to the service worker, which keeps it sealed (never as typed). */
export function saveDraft(id: string, entries: DraftEntries): void {
	postToWorker({ type: 'draft-save', id, entries });
}

/** The draft kept for `id`, opened by the service worker; null if none, or no key to open it. */
export async function askForDraft(id: string): Promise<DraftEntries | null> {
	const worker = (await navigator.serviceWorker?.ready)?.active;
	if (!worker) return null;
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = ({ data }) => resolve(data);
		worker.postMessage({ type: 'draft-read', id }, [channel.port2]);
	});
}

/** The draft was sent: the service worker can drop it. */
export function forgetDraft(id: string): void {
	postToWorker({ type: 'draft-forget', id });
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
function lockNow(): void {
	// Straight to the worker in charge of this page: the page is leaving, it cannot wait for `ready`.
	navigator.serviceWorker?.controller?.postMessage({ type: 'lock' } satisfies WorkerMessage);
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

/**
 * Leave for the neutral site at once, replacing this page in the history so Back does not return
 * to it; on the way out this device is locked (lockNow). Hidden first: nothing lingers on screen.
 */
export function quickExit(href: string, event?: Event): void {
	event?.preventDefault();
	lockNow();
	document.body.style.visibility = 'hidden';
	window.location.replace(href);
}

/** A keydown listener that runs quick exit on Escape pressed twice within a second. */
export function onEscapeTwice(leave: () => void): (event: KeyboardEvent) => void {
	let lastEscape = 0;
	return (event) => {
		if (event.key !== 'Escape') return;
		const now = Date.now();
		if (now - lastEscape < 1000) leave();
		lastEscape = now;
	};
}
