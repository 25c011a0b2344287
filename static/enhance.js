// Pages without the framework (a young person's home, statement forms, the Pledge, the Offer,
// sign-in, help) load only this. Each works without it; it adds:
// - offline: registers the service worker (which keeps the Pledge and Offer, and keeps "I feel
//   unsafe" and statements sent with no signal), and asks it to send what it kept once online;
// - quick exit: leave at once without a Back step, by tap or by pressing Escape twice;
// - drafts: what is typed in a statement form is kept on this phone until it is sent, and
//   cleared when someone signs out (phones are shared);
// - the bell's count, updated when a notice arrives or the app comes back into view;
// - the "Print this page" buttons, which need a script to work;
// - read aloud: its controls show where the phone has a voice; the reader (read-aloud.js)
//   loads on the first tap, so it costs no data until someone wants it.
(() => {
	const sw = navigator.serviceWorker;
	if (sw) {
		sw.register('/service-worker.js');
		const send = () => sw.controller?.postMessage({ type: 'flush-outbox' });
		window.addEventListener('online', send);
		sw.ready.then((ready) => {
			// Copies kept for offline follow the language this phone reads Hearth in.
			ready.active?.postMessage({ type: 'language', lang: document.documentElement.lang });
			if (navigator.onLine) send();
		});
	}

	const exit = document.querySelector('a[data-quick-exit]');
	const leave = (event) => {
		event?.preventDefault();
		document.body.style.visibility = 'hidden';
		window.location.replace(exit.href);
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

	// Drafts: the same keys as src/lib/drafts.ts.
	const DRAFT = 'hearth-draft:';
	for (const form of document.querySelectorAll('form[data-draft]')) {
		const key = DRAFT + form.dataset.draft;
		const save = () => localStorage.setItem(key, JSON.stringify([...new FormData(form)]));
		const saved = form.dataset.draftRestore !== 'no' && localStorage.getItem(key);
		if (saved) {
			const entries = JSON.parse(saved);
			for (const control of form.querySelectorAll('input:not([type=hidden]), textarea')) {
				const mine = entries.filter(([name]) => name === control.name).map(([, value]) => value);
				if (control.type === 'radio' || control.type === 'checkbox')
					control.checked = mine.includes(control.value);
				else if (mine.length) control.value = mine[0];
			}
		}
		form.addEventListener('input', save);
		form.addEventListener('change', save);
	}
	const sent = new URLSearchParams(location.search).get('draft');
	if (sent) localStorage.removeItem(DRAFT + sent);
	for (const form of document.querySelectorAll('form[action="/signout"]'))
		form.addEventListener('submit', () => {
			for (const key of Object.keys(localStorage))
				if (key.startsWith(DRAFT)) localStorage.removeItem(key);
		});

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
