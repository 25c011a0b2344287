/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, prerendered, version } from '$service-worker';
import {
	flushOutbox,
	formToOutboxItem,
	keptForm,
	OUTBOX_SYNC_TAG,
	putInOutbox,
	waitingCount
} from '$lib/outbox';
import { asYoungPersonsCopy, KEPT_COPY_QUERY, retryTo } from '$lib/offline-copy';
import { QUICK_EXIT_ENDPOINT } from '$lib/drafts';
import { CLIENT_SCRIPTS } from '$lib/client-scripts/names';
import {
	fetchOutboxKey,
	forgetAllDrafts,
	forgetDraft,
	forgetOutboxKeys,
	keepDraft,
	keyOwners,
	readDraft
} from '$lib/sealed-store';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `hearth-shell-${version}`;
// Kept at install: the prerendered offline page, static files (icons, manifest), the scripts of
// pages without the framework (enhance.js and the two it loads) and the stylesheets. Never
// anyone's own pages: phones are shared, and what a young person sees must not outlive their
// session. Built JavaScript is kept as pages use it (below), not all at once: a first visit on a
// child's data plan should not download every staff page too.
const SHELL = [
	...prerendered,
	...files,
	...CLIENT_SCRIPTS.map((name) => `/${name}.js`),
	...build.filter((path) => path.endsWith('.css'))
];
const BUILT = new Set(build);
const OFFLINE_PAGE = '/offline';
// Help, the public Pledge and the Local Offer (the list and each entitlement) are kept for
// reading offline. Copies are always fetched signed out (credentials: 'omit'), so a cached page
// never holds anyone's name. A cheap phone's data matters: help, the Pledge and the Offer's list
// are fetched once up front (some tens of kilobytes); an entitlement is kept when it is opened.
const PUBLIC_CACHE = 'hearth-public';
const isPublicContent = (path: string) =>
	path === '/help' || path === '/pledge' || path === '/offer' || path.startsWith('/offer/');
const UP_FRONT = ['/help', '/pledge', '/offer'];
/**
 * The public copy kept for a page, if any: a young person's own Local Offer pages (/me/offer/…)
 * are read offline from the public copy of the same entitlement, never from their own page.
 */
function publicCopyOf(path: string): string | null {
	if (path === '/me/offer' || path.startsWith('/me/offer/')) return path.slice('/me'.length);
	return isPublicContent(path) ? path : null;
}
const DAY_MS = 24 * 60 * 60 * 1000;
// What is shown in place of a page that cannot be fetched (`/kept/offline`), when "I feel unsafe"
// or a statement is sent with no signal, and when someone signs out with no signal (kept like the
// above). Each carries "I feel unsafe" for a young person signed in here (offlineCopy below).
const KEPT_PAGES = [
	'/kept/offline',
	'/kept/unsafe',
	'/kept/statement',
	'/kept/signout',
	'/kept/signout-waiting'
];

// The language the kept copies are in: the one the pages on this phone were last shown in
// (enhance.js says), so an Arabic-speaking child offline still reads who to call in Arabic.
// The copies are fetched signed out, so the language goes as `?lang=`, which the server takes as
// a hint when nobody is signed in (src/lib/domain/languages.ts).
const LANGUAGE_KEY = '/__hearth-language';
async function keptLanguage(): Promise<string | null> {
	const hit = await caches.match(LANGUAGE_KEY, { cacheName: PUBLIC_CACHE });
	return hit ? hit.text() : null;
}

async function refreshPublicCopy(path: string, language?: string | null): Promise<void> {
	try {
		const lang = language === undefined ? await keptLanguage() : language;
		const query = new URLSearchParams({ [KEPT_COPY_QUERY]: '1' });
		if (lang) query.set('lang', lang);
		const response = await fetch(`${path}?${query}`, { credentials: 'omit' });
		if (response.ok) await (await caches.open(PUBLIC_CACHE)).put(path, response);
	} catch {
		// Offline: keep the copy we have.
	}
}

/** On a visit: keep the page's public copy, unless one less than a day old is kept already. */
async function keepOnVisit(path: string): Promise<void> {
	const kept = await caches.match(path, { cacheName: PUBLIC_CACHE });
	const keptAt = Date.parse(kept?.headers.get('date') ?? '');
	if (!(Date.now() - keptAt < DAY_MS)) await refreshPublicCopy(path);
}

/**
 * Note the language the copies just kept are in (from the page itself), so a page in the same
 * language does not fetch them all again: that would cost a young person's data for nothing.
 */
async function noteKeptLanguage(): Promise<void> {
	const copy = await caches.match(KEPT_PAGES[1], { cacheName: PUBLIC_CACHE });
	const lang = copy && /<html lang="([a-z]{2,3})"/.exec(await copy.clone().text())?.[1];
	if (lang) await (await caches.open(PUBLIC_CACHE)).put(LANGUAGE_KEY, new Response(lang));
}

/** The pages on this phone are now in `lang`: fetch the kept copies again in it, once. */
async function keepLanguage(lang: unknown): Promise<void> {
	if (typeof lang !== 'string' || !/^[a-z]{2,3}$/.test(lang) || lang === (await keptLanguage()))
		return;
	await (await caches.open(PUBLIC_CACHE)).put(LANGUAGE_KEY, new Response(lang));
	await Promise.all([...UP_FRONT, ...KEPT_PAGES].map((path) => refreshPublicCopy(path, lang)));
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(SHELL))
			.then(() => Promise.all([...UP_FRONT, ...KEPT_PAGES].map((path) => refreshPublicCopy(path))))
			.then(noteKeptLanguage)
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys
						.filter((key) => key !== CACHE && key !== PUBLIC_CACHE)
						.map((key) => caches.delete(key))
				)
			)
			.then(() => sw.clients.claim())
	);
});

/**
 * A kept copy, as the person holding the phone should see it. With a young person signed in here
 * (their outbox key is on the phone; quick exit and sign-out delete it) it is drawn as their page:
 * "I feel unsafe" with their name on the form and a fresh key, and their menu. Otherwise as it was
 * kept, for a visitor: no button, no menu of anyone's.
 */
async function offlineCopy(path: string): Promise<Response | undefined> {
	const kept = await caches.match(path, { cacheName: PUBLIC_CACHE });
	if (!kept) return undefined;
	const [owner] = await keyOwners();
	if (!owner) return kept;
	const html = asYoungPersonsCopy(await kept.text(), owner, crypto.randomUUID());
	return new Response(html, { status: kept.status, headers: kept.headers });
}

/**
 * In place of a page that cannot be fetched: the kept offline page, else the one built in, with
 * "Try again" pointing at the page that was wanted (`wanted`, when there is one to go back to).
 */
async function offlinePage(wanted?: URL): Promise<Response> {
	const page = (await offlineCopy('/kept/offline')) ?? (await caches.match(OFFLINE_PAGE));
	if (!page) return Response.error();
	if (!wanted) return page;
	const html = retryTo(await page.text(), wanted.pathname + wanted.search);
	return new Response(html, { status: page.status, headers: page.headers });
}

/**
 * "I feel unsafe" and a statement are plain forms. Sent with no signal, the service worker keeps
 * what they carry in the outbox (sent when the signal returns) and shows the page that says so,
 * with who to call. The page needs no script of its own for this.
 */
async function sendOrKeep(request: Request): Promise<Response> {
	const copy = request.clone();
	try {
		return await fetch(request);
	} catch {
		const item = formToOutboxItem(new URL(request.url), await copy.formData());
		if (!item) return Response.error();
		// Sealed under the writer's key; with no key here a statement cannot be kept unreadable,
		// so the offline page says so and the words are still in the form (Back).
		if (!(await putInOutbox(item))) return offlinePage();
		const sync = (sw.registration as { sync?: { register(tag: string): Promise<void> } }).sync;
		await sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
		const page = `/kept/${item.kind}`;
		if (!(await caches.match(page, { cacheName: PUBLIC_CACHE }))) return offlinePage();
		// The draft is in the outbox now: the kept page forgets it (drafts.js).
		const draft =
			item.kind === 'statement'
				? `?draft=${encodeURIComponent(`${item.owner}:${item.template}`)}`
				: '';
		return Response.redirect(`${page}${draft}`, 303);
	}
}

// Signing out with no signal cannot reach the server yet: it is noted here and sent before the
// next page is fetched, so the next person to open Hearth on this phone is not signed in as them.
const SIGN_OUT_PENDING = '/__hearth-sign-out-pending';

async function sendPendingSignOut(): Promise<void> {
	const cache = await caches.open(PUBLIC_CACHE);
	if (!(await cache.match(SIGN_OUT_PENDING))) return;
	try {
		await fetch('/signout', {
			method: 'POST',
			body: new URLSearchParams(),
			credentials: 'same-origin',
			redirect: 'manual'
		});
		await cache.delete(SIGN_OUT_PENDING);
	} catch {
		// Still offline: try again before the next page.
	}
}

/**
 * Sign-out, for a phone that is shared: first send whatever waits (the session can still send
 * it), then delete the outbox key, so what could not go stays only as ciphertext until its writer
 * signs in again; then sign out. If something is still waiting the sign-in page says so, and with
 * no signal at all a kept page does.
 */
async function signOut(request: Request): Promise<Response> {
	await sendOutbox();
	// Only what the person signing out wrote (theirs is the key here): someone else's waits too,
	// but is not theirs to be told about.
	const waiting = (await waitingCount(await keyOwners())) > 0;
	await forgetOutboxKeys();
	try {
		const response = await fetch(request);
		if (!waiting) return response;
		return Response.redirect('/signin?signed-out&waiting', 303);
	} catch {
		await (await caches.open(PUBLIC_CACHE)).put(SIGN_OUT_PENDING, new Response('1'));
		const page = waiting ? '/kept/signout-waiting' : '/kept/signout';
		return (await caches.match(page, { cacheName: PUBLIC_CACHE })) ?? offlinePage();
	}
}

// Quick exit: the page leaves at once and this locks its session on the server (POST /exit).
// Pages asked for after it wait until that is in, so Back never finds this device still open;
// with no signal it is noted and sent before the next page, as a sign-out is.
const LOCK_PENDING = '/__hearth-lock-pending';
let locking: Promise<void> = Promise.resolve();

async function sendLock(): Promise<void> {
	const cache = await caches.open(PUBLIC_CACHE);
	try {
		await fetch(QUICK_EXIT_ENDPOINT, { method: 'POST', credentials: 'same-origin' });
		await cache.delete(LOCK_PENDING);
	} catch {
		await cache.put(LOCK_PENDING, new Response('1'));
	}
}

/** What quick exit leaves: no key to open what waits, no drafts, and a locked session. */
function quickExit(): Promise<void> {
	// A draft still being kept (or one typed as the page left) must not come back after the
	// clear, nor fetch the key again before the lock is in: drafts wait until a page loads again.
	draftsPaused = true;
	const drafts = draftWrites.then(forgetAllDrafts).catch(() => undefined);
	locking = Promise.all([forgetOutboxKeys(), drafts, sendLock()])
		.then(() => undefined)
		.catch(() => undefined);
	return locking;
}

// Drafts are kept one after another, so quick exit can wait for the one being kept, then clear.
let draftWrites: Promise<unknown> = Promise.resolve();
let draftsPaused = false;

function saveDraft(id: string, entries: [string, string][]): Promise<unknown> {
	draftWrites = draftWrites
		.then(async () => {
			if (draftsPaused) return;
			if (await keepDraft(id, entries)) return;
			await withKey(true);
			if (!draftsPaused) await keepDraft(id, entries);
		})
		.catch(() => undefined);
	return draftWrites;
}

async function sendPendingLock(): Promise<void> {
	await locking;
	if (await lockPending()) await sendLock();
}

async function lockPending(): Promise<boolean> {
	return Boolean(await (await caches.open(PUBLIC_CACHE)).match(LOCK_PENDING));
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.method === 'POST' && request.mode === 'navigate' && keptForm(url)) {
		event.respondWith(sendOrKeep(request));
		return;
	}
	if (request.method === 'POST' && request.mode === 'navigate' && url.pathname === '/signout') {
		event.respondWith(signOut(request));
		return;
	}
	if (request.method !== 'GET') return;
	if (request.mode === 'navigate' && KEPT_PAGES.includes(url.pathname)) {
		event.respondWith(offlineCopy(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}

	if (SHELL.includes(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	if (BUILT.has(url.pathname)) {
		// Built files never change under one name: keep each the first time a page uses it.
		event.respondWith(
			caches.match(url.pathname).then(
				(hit) =>
					hit ??
					fetch(request).then(async (response) => {
						if (response.ok) await (await caches.open(CACHE)).put(url.pathname, response.clone());
						return response;
					})
			)
		);
		return;
	}
	const copyPath = publicCopyOf(url.pathname);
	if (request.mode === 'navigate' && copyPath) {
		event.waitUntil(keepOnVisit(copyPath));
		event.respondWith(
			sendPendingLock()
				.then(() => fetch(request))
				.catch(async () => (await offlineCopy(copyPath)) ?? offlinePage(url))
		);
		return;
	}
	if (request.mode === 'navigate') {
		// Pages always come fresh from the server (after a sign-out made offline reaches it);
		// without a connection, the offline page.
		event.respondWith(
			sendPendingLock()
				.then(sendPendingSignOut)
				.then(() => fetch(request))
				.catch(() => offlinePage(url))
		);
	}
});

/**
 * A push carries only a general sentence and a link inside Hearth; see lib/server/notify/push.ts.
 * Safety alerts come with their own tag and `renotify`, so a second alert or an escalation sounds
 * even while an earlier one is showing, and `requireInteraction`, so it stays until dealt with.
 */
sw.addEventListener('push', (event) => {
	let message = {
		title: 'Hearth',
		body: 'There is something new in Hearth.',
		url: '/',
		tag: 'hearth',
		renotify: false,
		requireInteraction: false
	};
	try {
		message = { ...message, ...(event.data?.json() ?? {}) };
	} catch {
		// Not JSON: show the general sentence.
	}
	// `renotify` is in the Notifications standard but not yet in TypeScript's DOM types.
	const options: NotificationOptions & { renotify: boolean } = {
		body: message.body,
		tag: message.tag,
		renotify: message.renotify === true,
		requireInteraction: message.requireInteraction === true,
		icon: '/icons/icon-192.png',
		badge: '/icons/icon-192.png',
		data: { url: message.url }
	};
	event.waitUntil(
		Promise.all([
			sw.clients
				.matchAll({ type: 'window' })
				.then((windows) => windows.forEach((client) => client.postMessage({ type: 'notice' }))),
			sw.registration.showNotification(message.title, options)
		])
	);
});

/** Open the page the notice is about, reusing a Hearth window when one is open. */
sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const path = String(event.notification.data?.url ?? '/');
	const target = new URL(path.startsWith('/') ? path : '/', sw.location.origin).href;
	event.waitUntil(
		(async () => {
			const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const same = windows.find((client) => client.url === target);
			if (same) return same.focus();
			const any = windows.find((client) => new URL(client.url).origin === sw.location.origin);
			if (any) {
				await any.navigate(target);
				return any.focus();
			}
			return sw.clients.openWindow(target);
		})()
	);
});

/** Send what a young person wrote offline: when the browser says we are back online, or when a page asks. */
sw.addEventListener('sync', (event) => {
	const sync = event as ExtendableEvent & { tag?: string };
	if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(sendOutbox());
});

sw.addEventListener('message', (event) => {
	const data = event.data ?? {};
	if (data.type === 'flush-outbox') {
		// A page has loaded since any quick exit (after the password, if it locked): drafts again.
		draftsPaused = false;
		event.waitUntil(sendOutbox(data.key === true));
	}
	if (data.type === 'language') event.waitUntil(keepLanguage(data.lang));
	// Quick exit: only ciphertext stays, no drafts, and this device's session is locked.
	if (data.type === 'lock') event.waitUntil(quickExit());
	// Drafts: the page hands over what is typed; it is kept sealed, never as it was typed.
	if (typeof data.id !== 'string') return;
	if (data.type === 'draft-save' && Array.isArray(data.entries))
		event.waitUntil(saveDraft(data.id, data.entries));
	if (data.type === 'draft-forget') event.waitUntil(forgetDraft(data.id));
	if (data.type === 'draft-read')
		event.waitUntil(
			withKey(true)
				.then(() => readDraft(data.id))
				.catch(() => null)
				.then((entries) => event.ports[0]?.postMessage(entries))
		);
});

// One key request at a time, however many pages and drafts ask.
let keyRequest: Promise<unknown> | undefined;
function withKey(wanted: boolean): Promise<unknown> {
	if (!wanted) return Promise.resolve();
	return (keyRequest ??= fetchOutboxKey().finally(() => (keyRequest = undefined)));
}

/**
 * Send what waits. A young person's page (`wantKey`) or anything waiting first fetches the
 * signed-in person's key: it seals what is caught offline later and opens what waits now.
 */
async function sendOutbox(wantKey = false): Promise<void> {
	// A quick exit made with no signal is told to the server first. The browser may fire the
	// sync the moment the signal is back, before any page: sent then, the words would go (and the
	// key come back to this phone) from a session that should already be locked.
	await sendPendingLock();
	if (await lockPending()) return;
	await sendPendingSignOut();
	await withKey(wantKey || (await waitingCount()) > 0);
	const { sent } = await flushOutbox();
	const windows = await sw.clients.matchAll({ type: 'window' });
	windows.forEach((client) => client.postMessage({ type: 'outbox-changed', sent }));
}
