import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LANGUAGES, isSafetyMessage } from '$lib/domain/languages';

// Every word a young person can meet must be in every shipped language: a child reading in
// Arabic should never land on an English button. This follows the imports from each page young
// people use to every interface message it can show, including those named at run time
// (say(`voice_opt_${id}`)), and checks each language has its own words for them.

const SRC = path.resolve('src');
const messages = (code: string): Record<string, string> =>
	JSON.parse(readFileSync(path.resolve(`messages/${code}.json`), 'utf8'));
const english = messages('en');

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? filesUnder(full) : [full];
	});
}

function resolveImport(from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib/')) base = path.join(SRC, 'lib', spec.slice(5));
	else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
	else return null;
	if (base.includes(`${path.sep}paraglide`)) return null;
	for (const candidate of [base, `${base}.ts`, `${base}.js`, `${base}.svelte`, `${base}/index.ts`])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	return null;
}

/** The messages these files (and all they import) can show: by name, and by prefix. */
function messagesShownBy(starts: string[]) {
	const seen = new Set<string>();
	const keys = new Set<string>();
	const prefixes = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		const source = readFileSync(file, 'utf8');
		for (const [, key] of source.matchAll(/\bm\.([a-z][a-z0-9_]*)\b/g)) keys.add(key);
		for (const [, prefix] of source.matchAll(/say\(`([a-z_]+)\$\{/g)) prefixes.add(prefix);
		for (const [, spec] of source.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
			const next = resolveImport(file, spec);
			if (next) visit(next);
		}
	};
	starts.filter((file) => /\.(ts|svelte)$/.test(file)).forEach(visit);
	return Object.keys(english).filter(
		(key) => key !== '$schema' && (keys.has(key) || [...prefixes].some((p) => key.startsWith(p)))
	);
}

const routes = (...parts: string[]) => filesUnder(path.join(SRC, 'routes', ...parts));
// Staff-only words that shared modules import (the team's waiting times, setup, the Board's
// scorecard names, second factors) are not on young people's pages.
const STAFF_ONLY = /^(setup_|second_|scorecard_measure_)/;
const youngPeoplesWords = messagesShownBy([
	...routes('me'),
	...routes('(public)'),
	...routes('language'),
	...routes('notices'),
	...routes('account', 'password'),
	...routes('account', 'notifications'),
	...routes('offline'),
	path.join(SRC, 'routes', '+layout.svelte'),
	path.join(SRC, 'routes', 'SiteNav.svelte'),
	path.join(SRC, 'routes', 'ReadingTools.svelte'),
	path.join(SRC, 'routes', '+error.svelte')
]).filter((key) => !STAFF_ONLY.test(key));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(SHIPPED_LANGUAGES.filter((l) => l.code !== 'en').map((l) => l.code))(
	'messages/%s.json',
	(code) => {
		const words = messages(code);

		it('has every word on young people’s pages', () => {
			expect(youngPeoplesWords.length).toBeGreaterThan(500);
			expect(youngPeoplesWords.filter((key) => !words[key]?.trim())).toEqual([]);
		});

		it('has every safety message, in its own words', () => {
			const safety = Object.keys(english).filter(isSafetyMessage);
			expect(safety.length).toBeGreaterThan(15);
			expect(safety.filter((key) => !words[key] || words[key] === english[key])).toEqual(
				safety.filter((key) => /^[\d\s:]+$/.test(english[key]))
			);
		});

		it('keeps every placeholder and has no words English does not', () => {
			const keys = Object.keys(words).filter((key) => key !== '$schema');
			expect(keys.filter((key) => !(key in english))).toEqual([]);
			expect(
				keys.filter((key) => placeholders(words[key]).join() !== placeholders(english[key]).join())
			).toEqual([]);
		});
	}
);
