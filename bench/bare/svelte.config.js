// The floor for `npm run bench`: the page `npx sv create --template minimal` makes, built with
// the same SvelteKit, Svelte, Vite and adapter-node as Hearth. Nothing here is Hearth's own.
import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: { adapter: adapter() }
};
