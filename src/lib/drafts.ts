// Kept apart from the outbox so pages that only forget drafts do not load IndexedDB code.

/** Drafts: what is typed in a form, kept on this device until it is sent. */
const DRAFT_PREFIX = 'hearth-draft:';
export const draftKey = (owner: string, form: string) => `${DRAFT_PREFIX}${owner}:${form}`;

export function forgetAllDrafts(): void {
	for (const key of Object.keys(localStorage)) {
		if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
	}
}
