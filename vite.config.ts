import { paraglideVitePlugin } from '@inlang/paraglide-js';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

// SvelteKit's own settings (adapter, CSP) live in svelte.config.js.
export default defineConfig({
	plugins: [
		tailwindcss(),
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			emitTsDeclarations: true,
			// One strategy of Hearth's own: the person's choice, then the device's, then the browser's,
			// among the languages the council has turned on ($lib/server/preferences/locale.ts).
			strategy: ['custom-hearth', 'baseLocale']
		})
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts'],
					testTimeout: 20_000
				}
			}
		]
	}
});
