import type { ClientInit } from '@sveltejs/kit';
import { noteTyping } from '$lib/keep-typing';

/** Runs before Svelte takes over the server-rendered page. */
export const init: ClientInit = () => {
	noteTyping();
};
