/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, prerendered, version } from '$service-worker';
import { flushOutbox, OUTBOX_SYNC_TAG } from '$lib/outbox';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `hearth-shell-${version}`;
// The app shell: built code, static files, and the prerendered offline page. Never anyone's own pages:
// phones are shared, and what a young person sees must not outlive their session.
const SHELL = [...build, ...files, ...prerendered];
const OFFLINE_PAGE = '/offline';
// The public Pledge and Offer are kept for reading offline. Copies are always fetched signed out
// (credentials: 'omit'), so a cached page never holds anyone's name.
const PUBLIC_CACHE = 'hearth-public';
const isPublicContent = (path: string) =>
	path === '/pledge' || path === '/offer' || path.startsWith('/offer/');

async function refreshPublicCopy(path: string): Promise<void> {
	try {
		const response = await fetch(path, { credentials: 'omit' });
		if (response.ok) await (await caches.open(PUBLIC_CACHE)).put(path, response);
	} catch {
		// Offline: keep the copy we have.
	}
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(SHELL))
			.then(() => Promise.all(['/pledge', '/offer'].map(refreshPublicCopy)))
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

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (SHELL.includes(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	if (request.mode === 'navigate' && isPublicContent(url.pathname)) {
		event.waitUntil(refreshPublicCopy(url.pathname));
		event.respondWith(
			fetch(request).catch(
				async () =>
					(await caches.match(url.pathname, { cacheName: PUBLIC_CACHE })) ??
					(await caches.match(OFFLINE_PAGE)) ??
					Response.error()
			)
		);
		return;
	}
	if (request.mode === 'navigate') {
		// Pages always come fresh from the server; without a connection, the offline page.
		event.respondWith(
			fetch(request).catch(async () => (await caches.match(OFFLINE_PAGE)) ?? Response.error())
		);
	}
});

/** A push carries only a general sentence and a link inside Hearth; see lib/server/notify/push.ts. */
sw.addEventListener('push', (event) => {
	let message = {
		title: 'Hearth',
		body: 'There is something new in Hearth.',
		url: '/',
		tag: 'hearth'
	};
	try {
		message = { ...message, ...(event.data?.json() ?? {}) };
	} catch {
		// Not JSON: show the general sentence.
	}
	event.waitUntil(
		Promise.all([
			sw.clients
				.matchAll({ type: 'window' })
				.then((windows) => windows.forEach((client) => client.postMessage({ type: 'notice' }))),
			sw.registration.showNotification(message.title, {
				body: message.body,
				tag: message.tag,
				icon: '/icons/icon-192.png',
				badge: '/icons/icon-192.png',
				data: { url: message.url }
			})
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
	if (event.data?.type === 'flush-outbox') event.waitUntil(sendOutbox());
});

async function sendOutbox(): Promise<void> {
	const { sent } = await flushOutbox();
	const windows = await sw.clients.matchAll({ type: 'window' });
	windows.forEach((client) => client.postMessage({ type: 'outbox-changed', sent }));
}
