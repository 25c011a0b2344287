import { paraglideVitePlugin } from '@inlang/paraglide-js';
import tailwindcss from '@tailwindcss/vite';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minify, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

/**
 * The hand-written scripts in static/ (enhance.js, drafts.js, read-aloud.js) are what the public
 * pages load: written to be read, with their comments, and sent minified. Vite copies static/ into
 * the client output as it is; this minifies those copies there, before the adapter compresses them.
 */
function minifyStaticScripts(): Plugin {
	return {
		name: 'hearth-minify-static-scripts',
		apply: 'build',
		async writeBundle(options) {
			const dir = options.dir;
			if (!dir || !dir.split(path.sep).join('/').endsWith('output/client')) return;
			for (const name of readdirSync('static').filter((file) => file.endsWith('.js'))) {
				const file = path.join(dir, name);
				const result = await minify(name, readFileSync(file, 'utf8'), {
					compress: true,
					mangle: true
				});
				if (result.errors.length) throw new Error(`${name}: ${result.errors[0].message}`);
				writeFileSync(file, result.code);
			}
		}
	};
}

// SvelteKit's own settings (adapter, CSP) live in svelte.config.js.
export default defineConfig({
	plugins: [
		tailwindcss(),
		sveltekit(),
		minifyStaticScripts(),
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
