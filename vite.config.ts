import { paraglideVitePlugin } from '@inlang/paraglide-js';
import tailwindcss from '@tailwindcss/vite';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { CLIENT_SCRIPTS } from './src/lib/client-scripts/names.ts';

/**
 * One of the hand-written scripts (src/lib/client-scripts/names.ts) as the plain script pages
 * load by name: bundled with what it imports from src/lib into one function that runs at once
 * (a classic script cannot import), minified for a build.
 */
async function bundleClientScript(root: string, name: string, minify: boolean): Promise<string> {
	const result = await build({
		configFile: false,
		root,
		logLevel: 'warn',
		publicDir: false,
		resolve: { alias: { $lib: path.resolve(root, 'src/lib') } },
		build: {
			write: false,
			minify,
			lib: {
				entry: path.resolve(root, 'src/lib/client-scripts', `${name}.ts`),
				formats: ['iife'],
				// Vite asks for a global name; the scripts export nothing, so none is made.
				name: 'hearth'
			}
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]).flatMap((run) =>
		'output' in run ? run.output : []
	);
	const chunk = outputs.find((file) => file.type === 'chunk');
	if (!chunk || outputs.length !== 1) throw new Error(`${name}.js: expected one script`);
	return chunk.code;
}

/**
 * The scripts pages without the framework load (enhance.js, drafts.js, read-aloud.js) are
 * TypeScript in src/lib/client-scripts, checked and linted with the rest and sharing its code. A
 * build writes each, minified, into the client output beside static/'s files, before the adapter
 * compresses them; the dev server bundles each when it is asked for.
 */
function clientScripts(): Plugin {
	let root = process.cwd();
	const wanted = (url = '') => CLIENT_SCRIPTS.find((name) => url.split('?')[0] === `/${name}.js`);
	return {
		name: 'hearth-client-scripts',
		configResolved(config) {
			root = config.root;
		},
		configureServer(server) {
			server.middlewares.use((request, response, next) => {
				const name = wanted(request.url);
				if (!name) return next();
				bundleClientScript(root, name, false).then((code) => {
					response.setHeader('content-type', 'text/javascript');
					response.end(code);
				}, next);
			});
		},
		async writeBundle(options) {
			const dir = options.dir;
			if (!dir || !dir.split(path.sep).join('/').endsWith('output/client')) return;
			await Promise.all(
				CLIENT_SCRIPTS.map(async (name) =>
					writeFileSync(path.join(dir, `${name}.js`), await bundleClientScript(root, name, true))
				)
			);
		}
	};
}

/**
 * The component tests' browser: the Chromium and flags the browser tests use. Loaded only when
 * Vitest runs, so `vite build` and `vite dev` do not load Playwright.
 */
async function componentBrowser() {
	const { playwright } = await import('@vitest/browser-playwright');
	const { CHROMIUM_ARGS, chromiumPath } = await import('./tests/e2e/chromium.ts');
	return {
		enabled: true,
		headless: true,
		provider: playwright({
			launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS }
		}),
		instances: [{ browser: 'chromium' as const }]
	};
}

// SvelteKit's own settings (adapter, CSP) live in svelte.config.js.
export default defineConfig(async () => ({
	plugins: [
		tailwindcss(),
		sveltekit(),
		clientScripts(),
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
			},
			{
				// One component's states (a message beside a field, answers kept after a mistake) in a
				// real browser, without a server or a whole journey.
				extends: './vite.config.ts',
				test: {
					name: 'components',
					include: ['tests/component/**/*.svelte.test.ts'],
					browser: process.env.VITEST ? await componentBrowser() : undefined
				}
			}
		]
	}
}));
