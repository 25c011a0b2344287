// The data set `npm run bench` measures Hearth on: generated people, statements, reviews, forum
// issues and Board actions, added to a council that is already set up (the demo council). Two
// sizes: a normal council (1,000 young people) and a national-size single council (100,000).
//
// Everything is made up and made the same way each run (a seeded random number generator), and
// written with plain SQL so it runs with plain Node: `node bench/scale.ts <data folder> <size>`.
// Ids are Hearth-shaped (24 base-32 characters) but made in order, so 5 million rows go in quickly.
import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { createSealer, type Sealer } from '../src/lib/server/crypto/sealer.ts';

export interface ScaleSize {
	youngPeople: number;
	workers: number;
	statements: number;
	reviews: number;
	issues: number;
	actions: number;
}

export const SIZES = {
	normal: {
		youngPeople: 1_000,
		workers: 50,
		statements: 50_000,
		reviews: 4_000,
		issues: 500,
		actions: 200
	},
	national: {
		youngPeople: 100_000,
		workers: 5_000,
		statements: 5_000_000,
		reviews: 400_000,
		issues: 50_000,
		actions: 20_000
	}
} satisfies Record<string, ScaleSize>;
export type SizeName = keyof typeof SIZES;

/** Who the benchmark signs in as, with a session token for each (cookie `hearth_session`). */
export interface BenchPeople {
	youngPerson: { id: string; token: string };
	worker: { id: string; token: string };
	manager: { id: string; token: string };
	boardMember: { id: string; token: string };
}

const DAY = 86_400_000;
const YEARS_OF_HISTORY = 3;
const TEMPLATES = ['feeling', 'visit', 'worry', 'good_news', 'home', 'complain'] as const;
const THEMES_BY_TEMPLATE: Record<string, string[]> = {
	feeling: ['feelings'],
	visit: ['family_time'],
	worry: ['feelings', 'other'],
	good_news: ['something_good'],
	home: ['home'],
	plans: ['plans'],
	complain: ['complaint']
};
const MOODS = ['great', 'good', 'okay', 'sad', 'awful'];
const CODES = ['PN1', 'PN1', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'];
const FIRST = ['Amy', 'Ben', 'Cara', 'Dev', 'Ella', 'Finn', 'Grace', 'Hari', 'Isla', 'Jack'];
const LAST = ['Ashby', 'Brook', 'Carter', 'Dale', 'Evans', 'Frost', 'Hale', 'Iqbal', 'Jones'];

/** mulberry32: small, fast and the same every run. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Base-32 digits in byte order, so ids made in order sort in order (and index in order).
const DIGITS = '234567abcdefghijklmnopqrstuvwxyz';
function ids(tag: string) {
	let n = 0;
	return () => {
		let value = n++;
		let out = '';
		for (let i = 0; i < 24 - tag.length; i++) {
			out = DIGITS[value % 32] + out;
			value = Math.floor(value / 32);
		}
		return tag + out;
	};
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Add a generated population to a set-up council. Returns who to sign in as. `now` fixes the
 * calendar, so the Board's quarters and the due dates are where a real council's would be.
 */
export function generate(
	client: Database.Database,
	size: ScaleSize,
	options: { now?: Date; sealer?: Sealer; log?: (line: string) => void } = {}
): BenchPeople {
	const now = (options.now ?? new Date()).getTime();
	const sealer = options.sealer ?? createSealer(randomBytes(32));
	const log = options.log ?? (() => {});
	const rand = random(20261122);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
	const since = now - YEARS_OF_HISTORY * 365 * DAY;

	const council = client.prepare('select count(*) as n from council_settings').get() as {
		n: number;
	};
	if (!council.n) throw new Error('Set the council up first (the demo council will do).');
	const passwordHash = (
		client.prepare('select password_hash as h from users limit 1').get() as { h: string }
	).h;
	const promiseIds = (
		client.prepare('select id from pledge_promises').all() as { id: string }[]
	).map((row) => row.id);
	const forumIds = (client.prepare('select id from forums').all() as { id: string }[]).map(
		(row) => row.id
	);

	// A few hundred sealed answers, shared out: sealing each of 5 million rows would only time AES.
	const sealed = Array.from({ length: 400 }, (_, i) =>
		sealer.seal(
			JSON.stringify({
				mood: MOODS[i % MOODS.length],
				feelings: [['happy', 'calm', 'tired', 'worried', 'excited'][i % 5]],
				more: `Generated words number ${i}: school was fine and I saw my nan at the weekend.`
			})
		)
	);

	client.pragma('synchronous = OFF');
	client.pragma('cache_size = -1000000');
	client.pragma('temp_store = MEMORY');

	const userId = ids('bnu');
	const insertUser = client.prepare(
		'insert into users (id, username, password_hash, display_name, created_at, password_changed_at) values (?, ?, ?, ?, ?, ?)'
	);
	const insertRole = client.prepare('insert into user_roles (user_id, role) values (?, ?)');
	const addUser = (username: string, name: string, roles: string[]) => {
		const id = userId();
		insertUser.run(id, username, passwordHash, name, since, since);
		for (const role of roles) insertRole.run(id, role);
		return id;
	};
	const personName = (i: number) =>
		`${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;

	// Staff: mostly social workers and PAs, one in ten an IRO, one in twenty a manager.
	const social: string[] = [];
	const iros: string[] = [];
	const managers: string[] = [];
	client.transaction(() => {
		for (let i = 0; i < size.workers; i++) {
			const kind = i % 20 === 0 ? 'manager' : i % 10 === 1 ? 'iro' : 'worker';
			const id = addUser(`bench.staff${i}`, `Staff ${personName(i)}`, [kind]);
			(kind === 'manager' ? managers : kind === 'iro' ? iros : social).push(id);
		}
	})();
	log(`staff: ${size.workers}`);

	// Young people: six in ten in care (0 to 17), the rest care leavers (18 to 24).
	const insertYoung = client.prepare(
		'insert into young_people (user_id, date_of_birth, care_status, leaving_care_category, care_started_on, created_at) values (?, ?, ?, ?, ?, ?)'
	);
	const linkId = ids('bnl');
	const insertLink = client.prepare(
		'insert into worker_links (id, young_person_id, staff_user_id, link_type, starts_on, created_at) values (?, ?, ?, ?, ?, ?)'
	);
	const young: { id: string; worker: string; iro: string; inCare: boolean; born: number }[] = [];
	client.transaction(() => {
		for (let i = 0; i < size.youngPeople; i++) {
			const inCare = i % 5 < 3;
			const age = inCare ? 1 + Math.floor(rand() * 17) : 18 + Math.floor(rand() * 7);
			const born = now - age * 365.25 * DAY - Math.floor(rand() * 300) * DAY;
			const roles = i % 50 === 0 ? ['young_person', 'forum_member'] : ['young_person'];
			const id = addUser(`bench.yp${i}`, personName(i + 7), roles);
			const worker = social[i % social.length];
			const iro = iros[i % iros.length];
			insertYoung.run(
				id,
				isoDay(born),
				inCare ? 'in_care' : 'care_leaver',
				inCare ? 'none' : 'former_relevant',
				inCare ? isoDay(since - Math.floor(rand() * 365) * DAY) : null,
				since
			);
			const start = isoDay(since);
			insertLink.run(
				linkId(),
				id,
				worker,
				inCare ? 'social_worker' : 'personal_adviser',
				start,
				since
			);
			if (inCare) insertLink.run(linkId(), id, iro, 'iro', start, since);
			young.push({ id, worker, iro, inCare, born });
		}
	})();
	log(`young people: ${size.youngPeople}`);

	// Statements, spread evenly over three years; nearly all answered, the newest still waiting.
	const statementId = ids('bns');
	const insertStatement = client.prepare(
		`insert into statements (id, young_person_id, template, recipient_id, answers_sealed, client_key,
		 created_at, read_at, answered_at, acknowledged_at, acknowledged_by, last_from_young_person_at,
		 last_from_worker_at, worker_seen_at, young_person_seen_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertTheme = client.prepare(
		'insert into statement_themes (statement_id, theme) values (?, ?)'
	);
	const alertId = ids('bna');
	const insertAlert = client.prepare(
		`insert into safety_alerts (id, young_person_id, statement_id, source, client_key, raised_at,
		 acknowledged_at, acknowledged_by, escalation_step) values (?, ?, ?, 'statement', ?, ?, ?, ?, 0)`
	);
	const step = (now - since) / size.statements;
	const batch = 250_000;
	for (let start = 0; start < size.statements; start += batch) {
		client.transaction(() => {
			for (let i = start; i < Math.min(size.statements, start + batch); i++) {
				const person = young[i % young.length];
				const template = person.inCare
					? TEMPLATES[i % TEMPLATES.length]
					: i % 7 === 0
						? 'plans'
						: TEMPLATES[i % TEMPLATES.length];
				const created = Math.floor(since + i * step + rand() * step);
				const waiting = now - created < 3 * DAY && rand() < 0.5;
				const answered = waiting ? null : created + Math.floor(rand() * 2 * DAY);
				const id = statementId();
				insertStatement.run(
					id,
					person.id,
					template,
					person.worker,
					sealed[i % sealed.length],
					`bench-${i}`,
					created,
					answered,
					answered,
					answered,
					answered ? person.worker : null,
					created,
					answered,
					answered,
					answered
				);
				for (const theme of THEMES_BY_TEMPLATE[template]) insertTheme.run(id, theme);
				if (i % 200 === 0) {
					insertTheme.run(id, 'safety');
					const acknowledged = answered ? created + Math.floor(rand() * 50 * 60_000) : null;
					insertAlert.run(
						alertId(),
						person.id,
						id,
						`bench-alert-${i}`,
						created,
						acknowledged,
						acknowledged ? person.worker : null
					);
				}
			}
		})();
		log(`statements: ${Math.min(size.statements, start + batch)}`);
	}

	// Reviews for children in care: every six months back from now, the next one booked.
	const reviewId = ids('bnr');
	const insertReview = client.prepare(
		`insert into reviews (id, young_person_id, kind, chair_id, number, due_on, meeting_at, place,
		 status, held_on, participation_code, views_through_app, created_at)
		 values (?, ?, 'child_in_care', ?, ?, ?, ?, 'Bench House', ?, ?, ?, ?, ?)`
	);
	const inCare = young.filter((person) => person.inCare);
	const perChild = Math.max(1, Math.round(size.reviews / inCare.length));
	let reviewCount = 0;
	client.transaction(() => {
		for (const person of inCare) {
			for (let k = 0; k < perChild && reviewCount < size.reviews; k++, reviewCount++) {
				const due = now + 30 * DAY - (perChild - 1 - k) * 182 * DAY;
				const upcoming = k === perChild - 1;
				const held = upcoming ? null : due - Math.floor((rand() - 0.15) * 20) * DAY;
				const under4 = held !== null && held - person.born < 4 * 365.25 * DAY;
				insertReview.run(
					reviewId(),
					person.id,
					person.iro,
					k + 1,
					isoDay(due),
					`${isoDay(held ?? due - 5 * DAY)}T10:00`,
					upcoming ? 'scheduled' : 'held',
					held === null ? null : isoDay(held),
					held === null ? null : under4 ? 'PN0' : pick(CODES),
					held !== null && rand() < 0.3 ? 1 : 0,
					(held ?? now) - 20 * DAY
				);
			}
		}
	})();
	log(`reviews: ${reviewCount}`);

	// Forum issues from young people, some supported, some answered; Board meetings and actions.
	const members = young.filter((_, i) => i % 50 === 0);
	const insertMember = client.prepare(
		'insert or ignore into forum_members (forum_id, user_id) values (?, ?)'
	);
	const issueId = ids('bni');
	const insertIssue = client.prepare(
		`insert into forum_issues (id, forum_id, raised_by, named, title, what_is_wrong, what_to_change,
		 status, answer, answered_at, taken_to_board_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertSupport = client.prepare(
		'insert or ignore into issue_supports (issue_id, user_id, created_at) values (?, ?, ?)'
	);
	const issueIds: string[] = [];
	client.transaction(() => {
		members.forEach((member, i) => insertMember.run(forumIds[i % forumIds.length], member.id));
		const gap = (now - since) / size.issues;
		for (let i = 0; i < size.issues; i++) {
			const created = Math.floor(since + i * gap);
			const status = now - created < 60 * DAY ? 'open' : pick(['answered', 'answered', 'declined']);
			const id = issueId();
			issueIds.push(id);
			insertIssue.run(
				id,
				forumIds[i % forumIds.length],
				pick(young).id,
				i % 3 === 0 ? 1 : 0,
				`Generated issue ${i}: bus passes for college`,
				'Getting to college costs too much each week.',
				'Give everyone at college a bus pass.',
				status,
				status === 'answered' ? 'We now pay for bus passes for college.' : null,
				status === 'answered' ? created + 40 * DAY : null,
				status === 'answered' ? created + 20 * DAY : null,
				created
			);
			for (let s = 0; s < 3; s++) insertSupport.run(id, pick(members).id, created + DAY);
		}
	})();
	log(`forum issues: ${size.issues}`);

	const meetingId = ids('bnm');
	const insertMeeting = client.prepare(
		`insert into board_meetings (id, meeting_on, place, attendees, minutes, created_at) values (?, ?, 'Council Chamber', '', '', ?)`
	);
	const actionId = ids('bnx');
	const insertAction = client.prepare(
		`insert into board_actions (id, issue_id, meeting_id, what, owner_id, due_on, status, progress, done_on, created_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const boardMember = (
		client
			.prepare(
				"select user_id as id from user_roles where role = 'board_member' order by user_id limit 1"
			)
			.get() as { id: string } | undefined
	)?.id;
	if (!boardMember) throw new Error('The council needs a Board member to own actions.');
	client.transaction(() => {
		const meetings: { id: string; at: number }[] = [];
		for (let at = since; at < now; at += 30 * DAY) {
			const id = meetingId();
			insertMeeting.run(id, isoDay(at), at);
			meetings.push({ id, at });
		}
		for (let i = 0; i < size.actions; i++) {
			const meeting = meetings[i % meetings.length];
			const due = meeting.at + (30 + Math.floor(rand() * 150)) * DAY;
			const done = due < now && rand() < 0.8;
			insertAction.run(
				actionId(),
				issueIds[i % issueIds.length] ?? null,
				meeting.id,
				`Generated action ${i}: check every care leaver has a bus pass`,
				i % 4 === 0 ? boardMember : pick(managers),
				isoDay(due),
				done ? 'done' : due < now ? 'at_risk' : pick(['not_started', 'on_track']),
				done ? 100 : Math.floor(rand() * 90),
				done ? isoDay(due - Math.floor(rand() * 20 - 5) * DAY) : null,
				meeting.at
			);
		}
	})();
	log(`actions: ${size.actions}`);

	// One young person in five says whether a few of the Pledge's promises are kept.
	const insertRating = client.prepare(
		'insert or ignore into promise_ratings (promise_id, young_person_id, rating, updated_at) values (?, ?, ?, ?)'
	);
	client.transaction(() => {
		if (!promiseIds.length) return;
		young.forEach((person, i) => {
			if (i % 5 !== 0) return;
			for (let k = 0; k < 4; k++)
				insertRating.run(
					pick(promiseIds),
					person.id,
					pick(['yes', 'yes', 'partly', 'no']),
					since + Math.floor(rand() * (now - since))
				);
		});
	})();

	// Sessions for the people the benchmark signs in as (the id is the token's SHA-256).
	const insertSession = client.prepare(
		'insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)'
	);
	const session = (id: string) => {
		const token = randomBytes(20).toString('hex');
		insertSession.run(createHash('sha256').update(token).digest('hex'), id, now + 30 * DAY, now);
		return { id, token };
	};
	const people: BenchPeople = {
		youngPerson: session(young[0].id),
		worker: session(young[0].worker),
		manager: session(managers[0]),
		boardMember: session(boardMember)
	};
	client.pragma('synchronous = NORMAL');
	client.exec('analyze');
	return people;
}

// `node bench/scale.ts <data folder> <normal|national>`: add the population to that folder's database.
if (import.meta.main) {
	const [dir, sizeName] = process.argv.slice(2);
	if (!dir || !(sizeName in SIZES)) {
		console.error('Usage: node bench/scale.ts <data folder> <normal|national>');
		process.exit(2);
	}
	const { default: Sqlite } = await import('better-sqlite3');
	const { readFileSync, writeFileSync } = await import('node:fs');
	const path = await import('node:path');
	const { keyFromHex } = await import('../src/lib/server/crypto/sealer.ts');
	const key = keyFromHex(readFileSync(path.join(dir, 'encryption.key'), 'utf8'), 'encryption.key');
	const client = new Sqlite(path.join(dir, 'hearth.db'));
	const started = performance.now();
	const people = generate(client, SIZES[sizeName as SizeName], {
		sealer: createSealer(key),
		log: (line) => console.log(`  ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
	});
	client.close();
	writeFileSync(path.join(dir, 'bench-people.json'), JSON.stringify(people, null, '\t'));
}
