// Drafts, loaded by enhance.js as /drafts.js on a page with a statement form (or a draft to
// forget): what is typed is handed to the service worker, which keeps it sealed under the young
// person's outbox key (src/lib/sealed-store.ts) and gives it back only while that key is on this
// phone. Keys are `<owner>:<form>` (src/lib/drafts.ts). Drafts an older Hearth kept in
// localStorage as typed are handed over to be sealed, and removed.
import { askForDraft, forgetDraft, saveDraft, type DraftEntries } from '$lib/drafts';

const sw = navigator.serviceWorker;
const OLD = 'hearth-draft:';
for (const key of Object.keys(localStorage))
	if (key.startsWith(OLD)) {
		saveDraft(key.slice(OLD.length), JSON.parse(localStorage.getItem(key)!));
		localStorage.removeItem(key);
	}

/** Put a kept draft back into the form, never over what is there already. */
function restore(form: HTMLFormElement, entries: DraftEntries | null) {
	if (!entries) return;
	for (const control of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
		'input:not([type=hidden]), textarea'
	)) {
		const mine = entries.filter(([name]) => name === control.name).map(([, value]) => value);
		if (
			control instanceof HTMLInputElement &&
			(control.type === 'radio' || control.type === 'checkbox')
		)
			control.checked = mine.includes(control.value);
		else if (mine.length && !control.value) control.value = mine[0];
	}
}

for (const form of sw ? document.querySelectorAll<HTMLFormElement>('form[data-draft]') : []) {
	const id = form.dataset.draft!;
	// Statement forms have no file inputs: every value is a string.
	const save = () => saveDraft(id, [...new FormData(form)] as DraftEntries);
	if (form.dataset.draftRestore !== 'no')
		void askForDraft(id).then((entries) => restore(form, entries));
	form.addEventListener('input', save);
	form.addEventListener('change', save);
}
const sent = new URLSearchParams(location.search).get('draft');
if (sent) forgetDraft(sent);
