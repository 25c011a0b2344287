import { readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/*
 * One request must never stop Hearth. Every route pattern, found from src/routes so a new route
 * is in here without anyone remembering, is asked for with malformed escapes, null bytes, `..`
 * segments, overlong paths and odd Accept headers: signed out, as every role, and on a Hearth not
 * yet set up. After each route the server must still answer, and no answer may be a 5xx.
 * (On dedd82c the first `/me/%FF` stopped Node with an unhandled `Redirect`.)
 */

const demo = new OwnHearth(port(7), 'hostile-paths');
const empty = new OwnHearth(port(8), 'hostile-paths-empty', { HEARTH_DEMO: '' });
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
	await demo.start();
	await empty.start();
});
test.afterAll(() => {
	demo.stop();
	empty.stop();
});

/** Every page and endpoint under src/routes, as a path with made-up values for its parameters. */
function routePaths(): string[] {
	const found = new Set<string>();
	const walk = (dir: string, url: string) => {
		for (const name of readdirSync(dir)) {
			const full = path.join(dir, name);
			if (statSync(full).isDirectory()) {
				const segment = /^\(.*\)$/.test(name) ? '' : '/' + name.replace(/^\[.*\]$/, 'x1');
				walk(full, url + segment);
			} else if (/^\+(page\.svelte|page\.server\.ts|server\.ts)$/.test(name)) {
				found.add(url || '/');
			}
		}
	};
	walk(path.resolve('src/routes'), '');
	return [...found].sort();
}

/** The hostile shapes of one route's path. */
function mutations(route: string): string[] {
	const base = route === '/' ? '' : route;
	return [
		`${base}/%FF`,
		`${base}%`,
		`${base}/%E0%A4%A`,
		`${base}/%00`,
		`${base}/a%00b`,
		`${base}/..%2F..%2Fadmin`,
		`${base}/../admin`,
		`${base}/%2e%2e/%2e%2e/work`,
		`${base}//%5C%5Cevil.example`,
		`${base}/${'a'.repeat(8_000)}`,
		`${base}?next=%FF&back=%0A`,
		`${base}/%25FF`
	];
}

const ACCEPTS = [
	'*/*',
	'text/html',
	'application/json',
	'',
	'text/x-component',
	'text/html;q=0.1, */*;q=0.0, application/xml'
];

interface Answer {
	status: number;
}

/** One request, written by hand so that nothing between us and Hearth tidies the path. */
function ask(
	origin: string,
	method: string,
	target: string,
	headers: Record<string, string>
): Promise<Answer> {
	const { hostname, port: p } = new URL(origin);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(p), hostname);
		let head = '';
		socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer to ${method} ${target}`)));
		socket.on('data', (chunk) => {
			head += chunk.toString('latin1');
			const line = head.match(/^HTTP\/1\.1 (\d{3})/);
			if (line) {
				resolve({ status: Number(line[1]) });
				socket.destroy();
			}
		});
		socket.on('error', reject);
		socket.on('close', () => reject(new Error(`closed without an answer: ${method} ${target}`)));
		const lines = [`${method} ${target} HTTP/1.1`, `Host: ${hostname}:${p}`, 'Connection: close'];
		for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
		const body = method === 'POST' ? 'a=1' : '';
		if (body) lines.push('Content-Type: application/x-www-form-urlencoded', `Origin: ${origin}`);
		lines.push(`Content-Length: ${body.length}`);
		socket.write(lines.join('\r\n') + '\r\n\r\n' + body, 'latin1');
	});
}

/** Asks for every hostile shape of every route; returns how many requests were made. */
async function battery(hearth: OwnHearth, cookie: string | null, who: string): Promise<number> {
	let sent = 0;
	const bad: string[] = [];
	for (const route of routePaths()) {
		const shapes = mutations(route);
		for (const [i, target] of shapes.entries()) {
			// Every shape with one Accept in turn; the undecodable one with every Accept and a POST.
			const accepts = i === 0 ? ACCEPTS : [ACCEPTS[i % ACCEPTS.length]];
			const methods = i === 0 ? ['GET', 'POST'] : ['GET'];
			for (const accept of accepts)
				for (const method of methods) {
					const headers: Record<string, string> = {};
					if (accept) headers.Accept = accept;
					if (cookie) headers.Cookie = cookie;
					const answer = await ask(hearth.origin, method, target, headers).catch((e: Error) => ({
						status: 0,
						why: e.message
					}));
					sent++;
					if (answer.status === 0 || answer.status >= 500)
						bad.push(
							`${who}: ${method} ${target.slice(0, 80)} (Accept ${accept}) → ${answer.status}`
						);
				}
		}
		// Still there? A crash can come just after the answer that caused it.
		const alive = await fetch(`${hearth.origin}/help`).catch(() => null);
		if (!alive) bad.push(`${who}: Hearth stopped answering after ${route}`);
		expect(bad, `Hearth must answer every hostile path without a 5xx`).toEqual([]);
	}
	return sent;
}

test('a raw null byte and a path with spaces are refused with a 400, and Hearth goes on', async () => {
	for (const target of ['/me/\0', '/me/a b', '/me/\u00ff']) {
		const answer = await ask(demo.origin, 'GET', target, { Accept: '*/*' });
		expect(answer.status).toBe(400);
	}
	expect((await fetch(`${demo.origin}/help`)).status).toBe(200);
});

test('signed out, no hostile path stops Hearth or gets a 5xx; /me/%FF gets a 400', async () => {
	const answer = await ask(demo.origin, 'GET', '/me/%FF', { Accept: '*/*' });
	expect(answer.status).toBe(400);
	const sent = await battery(demo, null, 'signed out');
	console.log(`hostile paths, signed out: ${sent} requests`);
});

const PEOPLE = {
	young_person: 'amira',
	forum_member: 'jayden',
	worker: 'sam.okafor',
	iro: 'janet.ward',
	manager: 'gareth.lloyd',
	participation_officer: 'leah.mensah',
	board_member: 'cllr.shah',
	admin: 'admin'
};

for (const [role, username] of Object.entries(PEOPLE)) {
	test(`as ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role.replace('_', ' ')}, no hostile path stops Hearth or gets a 5xx`, async () => {
		test.setTimeout(180_000);
		const cookie = await demo.sessionCookie(username);
		const sent = await battery(demo, cookie, role);
		console.log(`hostile paths, ${role}: ${sent} requests`);
	});
}

test('before setup, no hostile path stops Hearth or gets a 5xx', async () => {
	const answer = await ask(empty.origin, 'GET', '/admin/%FF', { Accept: '*/*' });
	expect(answer.status).toBe(400);
	expect(
		(await fetch(`${empty.origin}/admin`, { redirect: 'manual' })).headers.get('location')
	).toBe('/setup');
	const sent = await battery(empty, null, 'before setup');
	console.log(`hostile paths, before setup: ${sent} requests`);
});
