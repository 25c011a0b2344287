import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Queries and commands take the time from their caller (`now: Date`): a request, a job or a test
// decides what now is, so browser tests can move Hearth's clock and unit tests can pick a day.
// One that reads the wall clock itself escapes both. A text check is enough for a coding rule;
// svelte-check then finds every caller of a function that gains a `now`.
const SERVER = path.resolve('src/lib/server');

/** The files that may read the wall clock, how many times, and why. */
const ALLOWED: Record<string, { reads: number; why: string }> = {
	'clock.ts': {
		reads: 1,
		why: "it is the clock: Hearth's now is the wall clock plus the test offset"
	},
	'auth/cookies.ts': {
		reads: 2,
		why:
			'a session starts on the wall clock it is checked against (hooks.server.ts: browser tests ' +
			"move Hearth's clock and must not sign others out); the browser judges a cookie's expiry by its own clock"
	},
	'jobs/handlers.ts': {
		reads: 1,
		why: 'the daily clean-up deletes expired sessions, which live on the wall clock'
	}
};

const WALL_CLOCK = [
	/\bnew\s+Date\s*\(\s*\)/g, // new Date()
	/\bnew\s+Date\b(?!\s*\()/g, // new Date, without brackets
	/\bDate\.now\s*\(/g, // Date.now()
	/(?<![\w.$]|new\s+)Date\s*\(\s*\)/g // Date(), which gives now as a string
];

/** Each wall-clock read in a source, as `line: text`. */
function wallClockReads(source: string): string[] {
	const reads: { at: number; text: string }[] = [];
	for (const pattern of WALL_CLOCK)
		for (const match of source.matchAll(pattern)) reads.push({ at: match.index, text: match[0] });
	return reads
		.sort((a, b) => a.at - b.at)
		.map(({ at, text }) => `${source.slice(0, at).split('\n').length}: ${text}`);
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => /\.(ts|js)$/.test(name))
		.map((name) => name.split(path.sep).join('/'))
		.sort();
}

describe('the wall clock', () => {
	it('is seen by the scan in each form, and a date given a time is not', () => {
		const source = [
			'const a = new Date();',
			'const b = Date.now() + 1;',
			'const c = new Date;',
			'const d = Date();',
			'const e = new Date(at.getTime() + 1);',
			"const f = new Date('2026-11-22');",
			'const g = ukDate(now);'
		].join('\n');
		expect(wallClockReads(source)).toEqual([
			'1: new Date()',
			'2: Date.now(',
			'3: new Date',
			'4: Date()'
		]);
	});

	it('is read under src/lib/server only where the allow-list says why', () => {
		const files = sourceFiles(SERVER);
		expect(files.length).toBeGreaterThan(50);
		const unexplained: string[] = [];
		const allowedReads: Record<string, number> = {};
		for (const file of files) {
			const reads = wallClockReads(readFileSync(path.join(SERVER, file), 'utf8'));
			if (file in ALLOWED) allowedReads[file] = reads.length;
			else unexplained.push(...reads.map((read) => `src/lib/server/${file}:${read}`));
		}
		// Take `now: Date` from the caller instead (routes pass now() from $lib/server/clock).
		expect(unexplained).toEqual([]);
		// A further read in an allowed file needs its own reason, and a reason no longer needed goes.
		expect(allowedReads).toEqual(
			Object.fromEntries(Object.entries(ALLOWED).map(([file, { reads }]) => [file, reads]))
		);
	});
});
