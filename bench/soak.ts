// `npm run soak`: a bounded soak on loopback, not part of CI (it takes as long as it is asked to).
//
//   npm run soak                          10 minutes, 50 people at once (40 young people, 10 workers)
//   npm run soak -- --minutes=2 --users=20
//   npm run soak -- --no-build            use the build/ that is there
//
// Each person is signed in (a session made in the database, as bench/scale.ts does) and acts
// like someone using Hearth: pages a second or so apart, and young people sending a statement
// every few pages. It counts every answer that is not what a person would get, records latency
// for each kind of request, samples the server's memory every 10 seconds, and checks at the end
// that every acknowledged statement is stored once. Results go to bench/SOAK.md and
// bench/soak.json; docs/SECURITY.md quotes them.
import Database from 'better-sqlite3';
import { execSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prepare } from './lib/dataset.ts';
import { HEARTH_ENTRY, startServer } from './lib/servers.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 4403;
const arg = (name: string, fallback: number) => {
	const found = process.argv.find((a) => a.startsWith(`--${name}=`));
	return found ? Number(found.split('=')[1]) : fallback;
};
const minutes = arg('minutes', 10);
const users = arg('users', 50);
const log = (line: string) => console.log(line);

if (!process.argv.includes('--no-build')) {
	log('Building Hearth');
	execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });
}

const normal = await prepare('normal', PORT, log);
const db = new Database(path.join(normal.dir, 'hearth.db'));
const now = Date.now();
const session = (userId: string) => {
	const token = randomBytes(20).toString('hex');
	db.prepare(
		'insert into sessions (id, user_id, expires_at, created_at, last_seen_at) values (?, ?, ?, ?, ?)'
	).run(createHash('sha256').update(token).digest('hex'), userId, now + 86_400_000, now, now);
	return `hearth_session=${token}`;
};
const youngCount = Math.round(users * 0.8);
const young = (
	db
		.prepare(
			`select l.young_person_id as id, l.staff_user_id as worker from worker_links l
			 join users u on u.id = l.young_person_id
			 where l.link_type = 'social_worker' and l.ends_on is null and u.disabled_at is null
			 group by l.young_person_id order by l.young_person_id limit ?`
		)
		.all(youngCount) as { id: string; worker: string }[]
).map((person) => ({ ...person, cookie: session(person.id) }));
const workers = [...new Set(young.map((person) => person.worker))]
	.slice(0, users - young.length)
	.map((id) => ({ id, cookie: session(id) }));
const statementsBefore = (
	db.prepare("select count(*) as n from statements where client_key like 'soak-%'").get() as {
		n: number;
	}
).n;
db.close();

const hearth = await startServer(HEARTH_ENTRY, PORT, { HEARTH_DATA_DIR: normal.dir });
/**
 * The server's memory: all of it (RSS, which also counts the database file pages SQLite maps in,
 * and grows with the file), and its own (anonymous: the JavaScript heap, SQLite's page cache,
 * buffers), which is where a leak would show.
 */
const memoryNow = () => {
	const rollup = readFileSync(`/proc/${hearth.pid}/smaps_rollup`, 'utf8');
	const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(rollup)![1]) * 1024;
	return { rss: kib('Rss'), anonymous: kib('Anonymous') };
};

interface Kind {
	ms: number[];
	unexpected: number;
}
const kinds = new Map<string, Kind>();
const acknowledged: string[] = [];
let failures = 0;
const failureExamples: string[] = [];

async function request(kind: string, url: string, cookie: string, expect: number, body?: string) {
	const started = performance.now();
	let status: number;
	try {
		const response = await fetch(hearth.origin + url, {
			method: body ? 'POST' : 'GET',
			redirect: 'manual',
			headers: body
				? {
						cookie,
						origin: hearth.origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					}
				: { cookie, accept: 'text/html' },
			body
		});
		await response.arrayBuffer();
		status = response.status;
	} catch {
		status = -1;
	}
	const entry = kinds.get(kind) ?? { ms: [], unexpected: 0 };
	kinds.set(kind, entry);
	entry.ms.push(performance.now() - started);
	if (status !== expect) {
		entry.unexpected++;
		failures++;
		if (failureExamples.length < 10) failureExamples.push(`${kind} ${url}: ${status}`);
	}
	return status;
}

const endAt = Date.now() + minutes * 60_000;
const pause = () => new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1000));
let sent = 0;

async function youngPerson(person: (typeof young)[number]) {
	let step = 0;
	while (Date.now() < endAt) {
		step++;
		if (step % 4 === 0) {
			const key = `soak-${person.id.slice(0, 8)}-${sent++}`;
			const status = await request(
				'send a statement',
				'/me/say/feeling?/send',
				person.cookie,
				303,
				new URLSearchParams({
					mood: 'okay',
					feelings: 'calm',
					more: 'Soak test words: an ordinary day.',
					recipientId: person.worker,
					clientKey: key
				}).toString()
			);
			if (status === 303) acknowledged.push(key);
		} else {
			const page = ['/me', '/me/messages', '/me/say/feeling'][step % 3];
			await request(`young person ${page}`, page, person.cookie, 200);
		}
		await pause();
	}
}

async function worker(person: (typeof workers)[number]) {
	let step = 0;
	while (Date.now() < endAt) {
		const page = ['/work', '/work/reviews', '/notices'][step++ % 3];
		await request(`worker ${page}`, page, person.cookie, 200);
		await pause();
	}
}

const memory: { minute: number; rss: number; anonymous: number }[] = [];
const started = Date.now();
const sampler = setInterval(() => {
	memory.push({ minute: (Date.now() - started) / 60_000, ...memoryNow() });
}, 10_000);
log(
	`Soak: ${minutes} minutes, ${young.length} young people and ${workers.length} workers at once on ${hearth.origin}`
);
await Promise.all([...young.map(youngPerson), ...workers.map(worker)]);
clearInterval(sampler);
memory.push({ minute: (Date.now() - started) / 60_000, ...memoryNow() });
await hearth.stop();

// Every acknowledged statement is stored, once.
const check = new Database(path.join(normal.dir, 'hearth.db'), { readonly: true });
const stored = check
	.prepare(
		"select client_key as key, count(*) as n from statements where client_key like 'soak-%' group by client_key"
	)
	.all() as { key: string; n: number }[];
check.close();
const storedKeys = new Map(stored.map((row) => [row.key, row.n]));
const missing = acknowledged.filter((key) => storedKeys.get(key) !== 1).length;
const duplicated = stored.filter((row) => row.n > 1).length;

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length
		? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
		: 0;
};
const all = [...kinds.values()].flatMap((kind) => kind.ms);
// Memory: the median of the first and the last third of the samples after the first minute.
const settled = memory.filter((sample) => sample.minute >= 1);
const third = Math.max(1, Math.floor(settled.length / 3));
const median = (values: number[]) => percentile(values, 50);
const growth = (pick: (sample: (typeof memory)[number]) => number) => {
	const early = median(settled.slice(0, third).map(pick));
	const late = median(settled.slice(-third).map(pick));
	return {
		earlyMiB: Math.round(early / 1048576),
		lateMiB: Math.round(late / 1048576),
		growthPercent: Math.round(((late - early) / early) * 1000) / 10
	};
};
const results = {
	measuredAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
	minutes,
	people: { youngPeople: young.length, workers: workers.length },
	requests: all.length,
	requestsPerSecond: Math.round(all.length / (minutes * 60)),
	failures,
	failureExamples,
	statements: { acknowledged: acknowledged.length, missing, duplicated, before: statementsBefore },
	latency: Object.fromEntries(
		[...kinds.entries()].map(([kind, entry]) => [
			kind,
			{
				count: entry.ms.length,
				p50: Math.round(percentile(entry.ms, 50) * 10) / 10,
				p95: Math.round(percentile(entry.ms, 95) * 10) / 10,
				p99: Math.round(percentile(entry.ms, 99) * 10) / 10,
				unexpected: entry.unexpected
			}
		])
	),
	overall: {
		p50: Math.round(percentile(all, 50) * 10) / 10,
		p95: Math.round(percentile(all, 95) * 10) / 10,
		p99: Math.round(percentile(all, 99) * 10) / 10
	},
	memory: {
		rss: growth((sample) => sample.rss),
		anonymous: growth((sample) => sample.anonymous),
		samples: memory.map((sample) => ({
			minute: Math.round(sample.minute * 10) / 10,
			rssMiB: Math.round(sample.rss / 1048576),
			anonymousMiB: Math.round(sample.anonymous / 1048576)
		}))
	}
};
writeFileSync(path.join(ROOT, 'bench/soak.json'), JSON.stringify(results, null, 2) + '\n');
const table = [
	`Soak on loopback, ${results.measuredAt}: ${minutes} minutes, ${young.length} young people and ${workers.length} workers at once, each a page every 0.5 to 1.5 s, young people sending a statement every fourth step.`,
	'',
	`- Requests: ${results.requests} (${results.requestsPerSecond} a second); not what a person would get: ${failures}`,
	`- Statements acknowledged: ${acknowledged.length}; missing afterwards: ${missing}; stored twice: ${duplicated}`,
	`- Server memory, median of the first and last third after the first minute: its own (anonymous) ${results.memory.anonymous.earlyMiB} → ${results.memory.anonymous.lateMiB} MiB (${results.memory.anonymous.growthPercent}%); all of it with the mapped database file (RSS) ${results.memory.rss.earlyMiB} → ${results.memory.rss.lateMiB} MiB (${results.memory.rss.growthPercent}%)`,
	'',
	'| Request | Count | p50 ms | p95 ms | p99 ms | Unexpected |',
	'| --- | ---: | ---: | ---: | ---: | ---: |',
	...Object.entries(results.latency).map(
		([kind, l]) => `| ${kind} | ${l.count} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.unexpected} |`
	),
	`| all | ${all.length} | ${results.overall.p50} | ${results.overall.p95} | ${results.overall.p99} | ${failures} |`
].join('\n');
writeFileSync(path.join(ROOT, 'bench/SOAK.md'), `# Soak\n\n${table}\n`);
// Written in the house style, so committing the figures keeps `npm run lint` clean.
execSync('npx prettier --write bench/SOAK.md bench/soak.json', { cwd: ROOT, stdio: 'ignore' });
log(table);
const passed =
	failures === 0 &&
	missing === 0 &&
	duplicated === 0 &&
	results.memory.anonymous.growthPercent < 15;
log(passed ? 'Soak passed.' : 'Soak FAILED: see above.');
process.exit(passed ? 0 : 1);
