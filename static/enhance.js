// Pages without the framework (a young person's home, statement forms, the Pledge, the Offer,
// sign-in, help) load only this. Each works without it; it adds:
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
(() => {
	const sw = navigator.serviceWorker;
	if (sw) {
		sw.register('/service-worker.js');
		// A young person's page (it has "I feel unsafe", with its owner) wants their outbox key.
		const key = !!document.querySelector('input[name=owner]');
		const send = () => sw.ready.then((ready) => ready.active?.postMessage({ type: 'flush-outbox', key }));
		window.addEventListener('online', send);
		sw.ready.then((ready) => {
			// Copies kept for offline follow the language this phone reads Hearth in.
			ready.active?.postMessage({ type: 'language', lang: document.documentElement.lang });
			if (navigator.onLine) send();
		});
	}

	// Quick exit (src/lib/components/QuickExit.svelte does the same on framework pages). The link
	// goes to /exit, which locks this device's session and sends on; with a script, the page leaves
	// for the neutral site at once and the lock goes on its way out (the service worker holds the
	// next page back until it is in). Drafts are cleared and the outbox key deleted.
	const exit = document.querySelector('a[data-quick-exit]');
	const leave = (event) => {
		event?.preventDefault();
		sw?.controller?.postMessage({ type: 'lock' });
		fetch('/exit', { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(() => {});
		indexedDB.deleteDatabase('hearth-keys');
		if (!sw?.controller) indexedDB.deleteDatabase('hearth-drafts');
		document.body.style.visibility = 'hidden';
		window.location.replace(exit.dataset.quickExit || exit.href);
	};
	if (exit) {
		exit.addEventListener('click', leave);
		let lastEscape = 0;
		window.addEventListener('keydown', (event) => {
			if (event.key !== 'Escape') return;
			if (Date.now() - lastEscape < 1000) leave();
			lastEscape = Date.now();
		});
	}
	// A signed-in page (it has sign-out) is never shown again from the back/forward cache: Back
	// asks the server, which may say this device is locked now.
	window.addEventListener('pageshow', (event) => {
		if (!event.persisted || !document.querySelector('form[action="/signout"]')) return;
		document.body.style.visibility = 'hidden';
		location.reload();
	});

	// Drafts (static/drafts.js, loaded only where there is one to keep, hand over or forget).
	if (sw && (document.querySelector('form[data-draft]') || /[?&]draft=/.test(location.search) ||
		Object.keys(localStorage).some((key) => key.startsWith('hearth-draft:')))) {
		const script = document.createElement('script');
		script.src = '/drafts.js';
		document.head.append(script);
	}
	// Signing out: the service worker sends what waits, then deletes the key. Not controlled by it
	// (a forced reload), the page deletes the key itself.
	for (const form of document.querySelectorAll('form[action="/signout"]'))
		form.addEventListener('submit', () => sw?.controller || indexedDB.deleteDatabase('hearth-keys'));

	// The bell: the server's count at load, then fresh when a push arrives or the app is back in view.
	const bell = document.querySelector('[data-testid="notice-bell"]');
	if (bell) {
		const refresh = async () => {
			const response = await fetch('/api/notices').catch(() => null);
			if (!response?.ok) return;
			const { unread } = await response.json();
			const badge = bell.querySelector('[data-unread]');
			badge.textContent = unread || '';
			badge.hidden = !unread;
			bell.setAttribute('aria-label', unread ? bell.dataset.labelSome.replace('{count}', unread) : bell.dataset.labelNone);
		};
		document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && refresh());
		sw?.addEventListener('message', (event) => event.data?.type === 'notice' && refresh());
	}

	if (window.speechSynthesis && window.SpeechSynthesisUtterance) {
		document.documentElement.dataset.speech = '';
		let loaded;
		// Until it is loaded: then the reader answers the controls itself.
		const later = (event, selector, use) =>
			document.addEventListener(event, ({ target }) => {
				if (window.hearthReadAloud || !target.closest?.(selector)) return;
				loaded ??= new Promise((done) => {
					const script = document.createElement('script');
					script.src = '/read-aloud.js';
					script.onload = script.onerror = () => done(window.hearthReadAloud);
					document.head.append(script);
				});
				loaded.then((read) => read && use(read, target));
			});
		later('click', '[data-read-aloud]', (read) => read.toggle());
		later('change', '[data-read-aloud-rate]', (read, select) => read.saveRate(select));
	}

	for (const button of document.querySelectorAll('button[data-print]')) {
		button.hidden = false;
		button.addEventListener('click', () => window.print());
	}
})();
