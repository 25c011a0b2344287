import { describe, expect, it } from 'vitest';
import { action, BUILT, formActions, isBuilt, page, type Access } from '$lib/server/http/handlers';

// Every route module, imported as SvelteKit would: each load, action and endpoint must be made by
// the handler builders (which check access before anything runs). Looking at what the modules
// export, not at their text, means a handler written some other way cannot slip past.
const modules = import.meta.glob<Record<string, unknown>>([
	'/src/routes/**/+page.server.ts',
	'/src/routes/**/+layout.server.ts',
	'/src/routes/**/+server.ts'
]);

/** Exports that are settings, not handlers. */
const SETTINGS = new Set(['csr', 'ssr', 'prerender', 'trailingSlash', 'config', 'entries']);
const HANDLERS = new Set([
	'load',
	'GET',
	'POST',
	'PUT',
	'PATCH',
	'DELETE',
	'OPTIONS',
	'HEAD',
	'fallback'
]);

/** Folders whose every handler must ask for more than "anyone". */
const PROTECTED = ['me', 'work', 'board', 'admin', 'account', 'home', 'notices', 'api'];

/** What is wrong with one route module's exports ([] when nothing is). */
function problemsOf(file: string, exported: Record<string, unknown>): string[] {
	const problems: string[] = [];
	const folder = file.replace('/src/routes/', '').split('/')[0];
	const check = (name: string, handler: unknown, kind: string) => {
		if (!isBuilt(handler)) return problems.push(`${name} is not built by the handler builders`);
		const made = handler[BUILT];
		if (made.kind !== kind) problems.push(`${name} is built as ${made.kind}, not ${kind}`);
		if (PROTECTED.includes(folder) && made.access === 'anyone')
			problems.push(`${name} lets anyone in under /${folder}`);
	};
	for (const [name, value] of Object.entries(exported)) {
		if (SETTINGS.has(name)) continue;
		if (name === 'load') check(name, value, 'load');
		else if (HANDLERS.has(name)) check(name, value, 'endpoint');
		else if (name === 'actions' && value && typeof value === 'object')
			for (const [actionName, made] of Object.entries(value))
				check(`actions.${actionName}`, made, 'action');
		else problems.push(`${name} is neither a handler nor a setting`);
	}
	return problems;
}

describe('every route handler is built by the builders', () => {
	it('finds the route modules', () => {
		expect(Object.keys(modules).length).toBeGreaterThan(80);
	});

	for (const [file, load] of Object.entries(modules)) {
		it(file.replace('/src/routes/', ''), async () => {
			const exported = await load();
			expect(problemsOf(file, exported)).toEqual([]);
		});
	}
});

describe('the check itself', () => {
	const built = page('useMyPages', () => ({}));
	const actions = formActions({ save: action('useMyPages', () => ({ done: 'yes' })) });

	it('passes handlers made by the builders', () => {
		expect(
			problemsOf('/src/routes/me/x/+page.server.ts', { load: built, actions, csr: false })
		).toEqual([]);
	});

	it('catches a load, an action and an endpoint written by hand', () => {
		const plain = () => ({});
		expect(
			problemsOf('/src/routes/me/x/+page.server.ts', {
				load: plain,
				actions: { ...actions, sneaky: plain },
				GET: plain
			})
		).toEqual([
			'load is not built by the handler builders',
			'actions.sneaky is not built by the handler builders',
			'GET is not built by the handler builders'
		]);
	});

	it('catches a public handler in a protected area, and a handler under another name', () => {
		const open = page('anyone' as Access, () => ({}));
		expect(problemsOf('/src/routes/work/x/+page.server.ts', { load: open, handle: built })).toEqual(
			['load lets anyone in under /work', 'handle is neither a handler nor a setting']
		);
		expect(problemsOf('/src/routes/(public)/x/+page.server.ts', { load: open })).toEqual([]);
	});
});
