import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every server file under a protected folder must call a guard in its load and in each action
// and handler: a layout guard alone is skipped by actions and parallel loads.
const PROTECTED = ['me', 'work', 'board', 'admin', 'account', 'home', 'notices', 'api'];
// The guards: the base ones in auth/guard.ts, and voice/access.ts's, which call them.
const BASE_GUARDS = ['requireUser', 'requireRole', 'requireLinkedYoungPerson', 'askingForHelp'];
const SHARED_GUARDS = ['requireStatementAccess', 'requireAlertAccess'];
const callsOneOf = (body: string, names: string[]) =>
	names.some((name) => new RegExp(`\\b${name}\\(`).test(body));

/** Helpers a route file defines (`function requireOwnReview(...)`) count only if they call a base guard. */
function localGuards(source: string): string[] {
	const found: string[] = [];
	for (const match of source.matchAll(/^function (require\w+)\(/gm)) {
		const rest = source.slice(match.index! + match[0].length);
		const end = rest.search(/\n}\n/);
		const body = end === -1 ? rest : rest.slice(0, end);
		if (callsOneOf(body, BASE_GUARDS)) found.push(match[1]);
	}
	return found;
}
const GUARD_CALL = { test: (body: string) => callsOneOf(body, [...BASE_GUARDS, ...SHARED_GUARDS]) };
const ROUTES = path.resolve('src/routes');

function serverFiles(dir: string): string[] {
	let found: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) found = found.concat(serverFiles(full));
		else if (/^\+(page|layout)\.server\.ts$|^\+server\.ts$/.test(name)) found.push(full);
	}
	return found;
}

/** The bodies of `export const load`, each action in `actions`, and each HTTP handler. */
function handlers(source: string): { name: string; body: string }[] {
	const found: { name: string; body: string }[] = [];
	const starts = [
		...source.matchAll(/export const (load|GET|POST|PUT|PATCH|DELETE)\b[^=]*=/g),
		...[...source.matchAll(/^\t(\w+): (async )?\(?event\)? =>/gm)]
	];
	for (const match of starts) {
		const from = match.index! + match[0].length;
		const rest = source.slice(from);
		const next = rest.search(/\nexport |\n\t\w+: (async )?\(?event\)? =>/);
		found.push({ name: match[1], body: next === -1 ? rest : rest.slice(0, next) });
	}
	return found;
}

const files = PROTECTED.flatMap((folder) => {
	try {
		return serverFiles(path.join(ROUTES, folder));
	} catch {
		return [];
	}
});

describe('every protected route is guarded', () => {
	it('finds the protected route files', () => {
		expect(files.length).toBeGreaterThan(10);
	});

	for (const file of files) {
		it(path.relative(ROUTES, file), () => {
			const source = readFileSync(file, 'utf8');
			const found = handlers(source);
			const guards = [...BASE_GUARDS, ...SHARED_GUARDS, ...localGuards(source)];
			expect(found.length, 'no load, action or handler found').toBeGreaterThan(0);
			for (const handler of found) {
				expect(callsOneOf(handler.body, guards), `${handler.name} has no guard call`).toBe(true);
			}
		});
	}

	it('the check itself catches an unguarded action', () => {
		const source = `export const load = (event) => {\n\trequireRole(event, 'admin');\n};\nexport const actions = {\n\tsave: async (event) => {\n\t\treturn 1;\n\t}\n};\n`;
		const found = handlers(source);
		expect(found.map((h) => [h.name, GUARD_CALL.test(h.body)])).toEqual([
			['load', true],
			['save', false]
		]);
	});
});

describe('the guard check itself', () => {
	it('does not count a local helper named require… that guards nothing', () => {
		expect(localGuards('function requireNothing(event) {\n\treturn 1;\n}\n')).toEqual([]);
		expect(
			localGuards("function requireMine(event) {\n\trequireRole(event, 'admin');\n}\n")
		).toEqual(['requireMine']);
	});
});
