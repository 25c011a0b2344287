// Pages without the framework (a young person's home, statement forms, the Pledge, the Offer,
// sign-in, help) load only this, as /enhance.js. Each works without it; it adds:
// - offline: registers the service worker (which keeps the Pledge and Offer, and keeps "I feel
//   unsafe" and statements sent with no signal), and asks it to send what it kept once online;
// - quick exit: leave at once without a Back step, by tap or by pressing Escape twice, locking
//   this device's session, clearing drafts and deleting the outbox key, so what waits on the
//   phone stays sealed (src/lib/sealed-store.ts) and Back finds a password, not a page;
// - drafts: on a statement form, loads drafts.js, which hands what is typed to the service
//   worker to keep sealed on this phone until it is sent (phones are shared: never as typed);
// - the bell's count, updated when a notice arrives or the app comes back into view;
// - the "Print this page" buttons, which need a script to work;
// - read aloud: its controls show where the phone has a voice; the reader (read-aloud.js)
//   loads on the first tap, so it costs no data until someone wants it.
// What it shares with framework pages comes from src/lib; keep it small (bench/lib/budgets.ts).
import { lockForSignOut, onEscapeTwice, postToWorker, quickExit } from '$lib/drafts';
import { fetchUnreadCount, whenNoticesMayChange } from '$lib/notices';
import type { ReadAloud } from './read-aloud';

const sw = navigator.serviceWorker;
if (sw) {
	sw.register('/service-worker.js');
	// A young person's page (it has "I feel unsafe", with its owner) wants their outbox key.
	const key = !!document.querySelector('input[name=owner]');
	const send = () => postToWorker({ type: 'flush-outbox', key });
	window.addEventListener('online', send);
	void sw.ready.then(() => {
		// Copies kept for offline follow the language this phone reads Hearth in.
		postToWorker({ type: 'language', lang: document.documentElement.lang });
		if (navigator.onLine) send();
	});
}

// Quick exit (src/lib/components/QuickExit.svelte does the same on framework pages). The link
// goes to /exit, which locks this device's session and sends on; with a script, the page leaves
// for the neutral site at once and the lock goes on its way out (the service worker holds the
// next page back until it is in). Drafts are cleared and the outbox key deleted.
const exit = document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
if (exit) {
	const leave = (event?: Event) => quickExit(exit.dataset.quickExit || exit.href, event);
	exit.addEventListener('click', leave);
	window.addEventListener('keydown', onEscapeTwice(leave));
}
// A signed-in page (it has sign-out) is never shown again from the back/forward cache: Back
// asks the server, which may say this device is locked now.
window.addEventListener('pageshow', (event) => {
	if (!event.persisted || !document.querySelector('form[action="/signout"]')) return;
	document.body.style.visibility = 'hidden';
	location.reload();
});

// Drafts (drafts.js, loaded only where there is one to keep, hand over or forget).
if (
	sw &&
	(document.querySelector('form[data-draft]') ||
		/[?&]draft=/.test(location.search) ||
		Object.keys(localStorage).some((key) => key.startsWith('hearth-draft:')))
) {
	const script = document.createElement('script');
	script.src = '/drafts.js';
	document.head.append(script);
}
// Signing out: the service worker sends what waits, then deletes the key. Not controlled by it
// (a forced reload), the page deletes the key itself.
for (const form of document.querySelectorAll('form[action="/signout"]'))
	form.addEventListener('submit', lockForSignOut);

// The bell: the server's count at load, then fresh when a push arrives or the app is back in view.
const bell = document.querySelector<HTMLElement>('[data-testid="notice-bell"]');
if (bell) {
	whenNoticesMayChange(async () => {
		const unread = await fetchUnreadCount();
		if (unread === null) return;
		const badge = bell.querySelector<HTMLElement>('[data-unread]')!;
		badge.textContent = unread ? String(unread) : '';
		badge.hidden = !unread;
		bell.setAttribute(
			'aria-label',
			unread ? bell.dataset.labelSome!.replace('{count}', String(unread)) : bell.dataset.labelNone!
		);
	});
}

if (window.speechSynthesis && window.SpeechSynthesisUtterance) {
	document.documentElement.dataset.speech = '';
	let loaded: Promise<ReadAloud | undefined> | undefined;
	// Until it is loaded: then the reader answers the controls itself.
	const later = <T extends Element>(
		type: 'click' | 'change',
		selector: string,
		use: (read: ReadAloud, target: T) => void
	) =>
		document.addEventListener(type, ({ target }) => {
			if (window.hearthReadAloud || !(target instanceof Element) || !target.closest(selector))
				return;
			loaded ??= new Promise((done) => {
				const script = document.createElement('script');
				script.src = '/read-aloud.js';
				script.onload = script.onerror = () => done(window.hearthReadAloud);
				document.head.append(script);
			});
			void loaded.then((read) => read && use(read, target as T));
		});
	later('click', '[data-read-aloud]', (read) => read.toggle());
	later<HTMLSelectElement>('change', '[data-read-aloud-rate]', (read, select) =>
		read.saveRate(select)
	);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
	button.hidden = false;
	button.addEventListener('click', () => window.print());
}
