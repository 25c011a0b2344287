import type { ClientInit } from '@sveltejs/kit';
import { noteTyping } from '$lib/keep-typing';
import { defineCustomClientStrategy } from '$lib/paraglide/runtime';

// The server chose the language and wrote it on <html lang>; the browser keeps to it.
defineCustomClientStrategy('custom-hearth', {
	getLocale: () => document.documentElement.lang,
	setLocale: () => {}
});

/** Runs before Svelte takes over the server-rendered page. */
export const init: ClientInit = () => {
	noteTyping();
};
