// Drafts, loaded by enhance.js on a page with a statement form (or a draft to forget): what is
// typed is handed to the service worker, which keeps it sealed under the young person's outbox
// key (src/lib/sealed-store.ts) and gives it back only while that key is on this phone. Keys are
// `<owner>:<form>` (src/lib/drafts.ts). Drafts an older Hearth kept in localStorage as typed are
// handed over to be sealed, and removed.
(() => {
	const sw = navigator.serviceWorker;
	const post = (message) => sw?.ready.then((ready) => ready.active?.postMessage(message));
	const OLD = 'hearth-draft:';
	for (const key of Object.keys(localStorage))
		if (key.startsWith(OLD)) {
			post({ type: 'draft-save', id: key.slice(OLD.length), entries: JSON.parse(localStorage.getItem(key)) });
			localStorage.removeItem(key);
		}
	for (const form of sw ? document.querySelectorAll('form[data-draft]') : []) {
		const id = form.dataset.draft;
		const save = () => post({ type: 'draft-save', id, entries: [...new FormData(form)] });
		if (form.dataset.draftRestore !== 'no')
			sw.ready.then((ready) => {
				const channel = new MessageChannel();
				channel.port1.onmessage = ({ data: entries }) => {
					if (!entries) return;
					for (const control of form.querySelectorAll('input:not([type=hidden]), textarea')) {
						const mine = entries.filter(([name]) => name === control.name).map(([, value]) => value);
						if (control.type === 'radio' || control.type === 'checkbox')
							control.checked = mine.includes(control.value);
						else if (mine.length && !control.value) control.value = mine[0];
					}
				};
				ready.active?.postMessage({ type: 'draft-read', id }, [channel.port2]);
			});
		form.addEventListener('input', save);
		form.addEventListener('change', save);
	}
	const sent = new URLSearchParams(location.search).get('draft');
	if (sent) post({ type: 'draft-forget', id: sent });
})();
