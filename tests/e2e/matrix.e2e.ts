import type { APIRequestContext, APIResponse } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/**
 * The access-control matrix: every route, asked for by every role and by someone signed out,
 * including other people's things by id. Each person not allowed in also posts to every form
 * action of the page, which must be refused before it reads the form. The table this makes is
 * in docs/SECURITY.md; `npm run security:matrix` writes it there after a change.
 */

const PERSONAS = [
	{ key: 'out', label: 'Signed out' },
	{ key: 'yp', label: 'Young person (Tyler)', username: 'tyler' },
	{ key: 'forum', label: 'Forum member (Amira)', username: 'amira' },
	{ key: 'worker', label: 'Worker (Sam)', username: 'sam.okafor' },
	{ key: 'iro', label: 'IRO (Janet)', username: 'janet.ward' },
	{ key: 'manager', label: 'Manager (Nadia)', username: 'nadia.hussain' },
	{ key: 'po', label: 'Participation officer (Leah)', username: 'leah.mensah' },
	{ key: 'board', label: 'Board member (Cllr Shah)', username: 'cllr.shah' },
	{ key: 'admin', label: 'Admin (Priya)', username: 'admin' },
	{ key: 'cm', label: 'Complaints manager (Tom)', username: 'tom.ashby' }
] as const;
type Persona = (typeof PERSONAS)[number]['key'];
type SignedIn = Exclude<Persona, 'out'>;
const SIGNED_IN = PERSONAS.filter((p) => p.key !== 'out').map((p) => p.key as SignedIn);

const YOUNG: SignedIn[] = ['yp', 'forum'];
const STAFF_RECORDS: SignedIn[] = ['worker', 'iro', 'manager'];
const BOARD: SignedIn[] = ['board', 'po'];

interface Ids {
	tyler: string;
	maya: string;
	amira: string;
	tylerReview: string;
	amiraReview: string;
	tylerStatement: string;
	amiraStatement: string;
	tylerAlert: string;
	issue: string;
	amiraIssue: string;
	meeting: string;
	action: string;
	entitlement: string;
	chloeRequest: string;
	promise: string;
	concernAlert: string;
	tylerComplaint: string;
}

interface Case {
	/** The route as SvelteKit names it (its folder under src/routes, groups left out). */
	route: string;
	/** What the row asks for, for the table. */
	what?: string;
	url: (ids: Ids) => string;
	method?: 'GET' | 'POST';
	/** Who is let in: everyone (signed out too), or these signed-in people. */
	allow: 'everyone' | SignedIn[];
	/** Who may also use the page's form actions, when fewer than `allow`. */
	act?: SignedIn[];
	/** Nobody gets this today (a file not uploaded): 404 for all. */
	absent?: boolean;
}

const CASES: Case[] = [
	// Open to all.
	{ route: '/', url: () => '/', allow: 'everyone' },
	{ route: '/help', url: () => '/help', allow: 'everyone' },
	{ route: '/join', url: () => '/join', allow: 'everyone' },
	{ route: '/kept/[kind]', url: () => '/kept/unsafe', allow: 'everyone' },
	{ route: '/offer', url: () => '/offer', allow: 'everyone' },
	{ route: '/offer/[slug]', url: () => '/offer/leisure-pass', allow: 'everyone' },
	{ route: '/pledge', url: () => '/pledge', allow: 'everyone' },
	{ route: '/privacy', url: () => '/privacy', allow: 'everyone' },
	{ route: '/language', url: () => '/language', allow: 'everyone' },
	{
		route: '/setup',
		what: 'after set-up: sends to sign in',
		url: () => '/setup',
		allow: 'everyone'
	},
	{ route: '/signin', url: () => '/signin', allow: 'everyone' },
	{
		route: '/signin/second-factor',
		what: 'only someone owing a code stays; others are sent on',
		url: () => '/signin/second-factor',
		allow: 'everyone'
	},
	{ route: '/reset', url: () => '/reset', allow: 'everyone' },
	{ route: '/signout', url: () => '/signout', allow: 'everyone' },
	{
		route: '/unlock',
		what: 'only a device quick exit locked stays; others are sent on',
		url: () => '/unlock',
		allow: 'everyone'
	},
	{ route: '/you-said-we-did', url: () => '/you-said-we-did', allow: 'everyone' },
	{ route: '/offline', url: () => '/offline', allow: 'everyone' },
	{
		route: '/council-logo',
		what: 'no logo uploaded',
		url: () => '/council-logo',
		allow: 'everyone',
		absent: true
	},
	// Anyone signed in.
	{ route: '/home', url: () => '/home', allow: SIGNED_IN },
	{ route: '/notices', url: () => '/notices', allow: SIGNED_IN },
	{ route: '/account/password', url: () => '/account/password', allow: SIGNED_IN },
	{ route: '/account/notifications', url: () => '/account/notifications', allow: SIGNED_IN },
	{
		route: '/account/second-factor',
		url: () => '/account/second-factor',
		allow: SIGNED_IN.filter((persona) => !YOUNG.includes(persona))
	},
	{ route: '/api/notices', url: () => '/api/notices', allow: SIGNED_IN },
	{ route: '/api/push', method: 'POST', url: () => '/api/push', allow: SIGNED_IN },
	// Young people.
	{ route: '/api/voice', method: 'POST', url: () => '/api/voice', allow: YOUNG },
	{ route: '/api/outbox-key', url: () => '/api/outbox-key', allow: YOUNG },
	{ route: '/me', url: () => '/me', allow: YOUNG },
	{ route: '/me/forum', url: () => '/me/forum', allow: YOUNG },
	{
		route: '/me/forum/issues/[id]',
		what: 'an issue Amira raised in the Children in Care Council',
		url: (ids) => `/me/forum/issues/${ids.amiraIssue}`,
		allow: ['forum']
	},
	{
		route: '/me/forum/issues/[id]',
		what: "an issue in the care leavers' forum (neither is in it)",
		url: (ids) => `/me/forum/issues/${ids.issue}`,
		allow: []
	},
	{ route: '/me/messages', url: () => '/me/messages', allow: YOUNG },
	{
		route: '/me/messages/[id]',
		what: "Tyler's statement",
		url: (ids) => `/me/messages/${ids.tylerStatement}`,
		allow: ['yp']
	},
	{
		route: '/me/messages/[id]',
		what: "Amira's statement",
		url: (ids) => `/me/messages/${ids.amiraStatement}`,
		allow: ['forum']
	},
	{ route: '/me/offer', url: () => '/me/offer', allow: YOUNG },
	{ route: '/me/offer/[slug]', url: () => '/me/offer/leisure-pass', allow: YOUNG },
	{ route: '/me/pledge', url: () => '/me/pledge', allow: YOUNG },
	{ route: '/me/my-data', url: () => '/me/my-data', allow: YOUNG },
	{ route: '/me/settings', url: () => '/me/settings', allow: YOUNG },
	{ route: '/me/with-me', url: () => '/me/with-me', allow: YOUNG },
	{ route: '/me/express', url: () => '/me/express?feeling=happy', allow: YOUNG },
	{
		route: '/me/express',
		what: "sent: Amira's statement",
		url: (ids) => `/me/express?sent=${ids.amiraStatement}`,
		allow: ['forum']
	},
	{
		route: '/me/my-data/download',
		what: 'always the asker’s own',
		url: () => '/me/my-data/download',
		allow: YOUNG
	},
	{ route: '/me/reviews', url: () => '/me/reviews', allow: YOUNG },
	{
		route: '/me/reviews/[id]',
		what: "Tyler's review",
		url: (ids) => `/me/reviews/${ids.tylerReview}`,
		allow: ['yp']
	},
	{
		route: '/me/reviews/[id]',
		what: "Amira's review",
		url: (ids) => `/me/reviews/${ids.amiraReview}`,
		allow: ['forum']
	},
	{ route: '/me/say', url: () => '/me/say', allow: YOUNG },
	{ route: '/me/say/[template]', url: () => '/me/say/feeling', allow: YOUNG },
	{ route: '/me/unsafe', url: () => '/me/unsafe', allow: YOUNG },
	{
		route: '/me/unsafe/[id]',
		what: "Tyler's alert",
		url: (ids) => `/me/unsafe/${ids.tylerAlert}`,
		allow: ['yp']
	},
	// Staff who work with young people.
	{ route: '/work', url: () => '/work', allow: [...STAFF_RECORDS, 'cm'] },
	{ route: '/work/invite', url: () => '/work/invite', allow: ['worker', 'manager'] },
	{ route: '/work/requests', url: () => '/work/requests', allow: ['worker'] },
	{ route: '/work/reviews', url: () => '/work/reviews', allow: [...STAFF_RECORDS, 'cm'] },
	// Complaints: the complaints manager's, not the child's own worker's nor a manager's.
	{ route: '/work/complaints', url: () => '/work/complaints', allow: ['cm'] },
	{
		route: '/work/complaints/[id]',
		what: "Tyler's complaint (Sam is his worker)",
		url: (ids) => `/work/complaints/${ids.tylerComplaint}`,
		allow: ['cm']
	},
	{ route: '/work/reviews/export.csv', url: () => '/work/reviews/export.csv', allow: ['manager'] },
	{ route: '/work/reviews/service', url: () => '/work/reviews/service', allow: ['manager'] },
	{ route: '/work/team', url: () => '/work/team', allow: ['manager'] },
	{
		route: '/work/young-people/[id]',
		what: 'Maya (Sam and Janet work with her)',
		url: (ids) => `/work/young-people/${ids.maya}`,
		allow: STAFF_RECORDS
	},
	{
		route: '/work/young-people/[id]',
		what: 'Amira (not Sam)',
		url: (ids) => `/work/young-people/${ids.amira}`,
		allow: ['iro', 'manager']
	},
	{
		route: '/work/young-people/[id]',
		what: "changing Amira's council child ID (not Sam)",
		method: 'POST',
		url: (ids) => `/work/young-people/${ids.amira}?/councilId&councilChildId=BW101002`,
		allow: ['iro', 'manager']
	},
	{
		route: '/work/young-people/[id]',
		what: "overriding Maya's leaving-care category (managers only)",
		method: 'POST',
		url: (ids) => `/work/young-people/${ids.maya}?/override&category=&reason=`,
		allow: ['manager']
	},
	{
		route: '/work/statements/[id]',
		what: "Tyler's statement",
		url: (ids) => `/work/statements/${ids.tylerStatement}`,
		allow: STAFF_RECORDS
	},
	{
		route: '/work/statements/[id]',
		what: "Amira's statement (not Sam)",
		url: (ids) => `/work/statements/${ids.amiraStatement}`,
		allow: ['iro', 'manager']
	},
	{
		route: '/work/statements/[id]/print',
		what: "Amira's statement (not Sam)",
		url: (ids) => `/work/statements/${ids.amiraStatement}/print`,
		allow: ['iro', 'manager']
	},
	{
		route: '/work/alerts/[id]',
		what: "Tyler's alert",
		url: (ids) => `/work/alerts/${ids.tylerAlert}`,
		allow: STAFF_RECORDS
	},
	{
		route: '/work/alerts/[id]/concern',
		what: "the concern behind Tyler's alert",
		url: (ids) => `/work/alerts/${ids.concernAlert}/concern`,
		allow: STAFF_RECORDS
	},
	{
		route: '/work/reviews/[id]',
		what: "Tyler's review (Janet chairs it)",
		url: (ids) => `/work/reviews/${ids.tylerReview}`,
		allow: STAFF_RECORDS,
		act: ['iro']
	},
	{
		route: '/work/reviews/book/[youngPersonId]',
		what: 'Tyler (Janet chairs his reviews)',
		url: (ids) => `/work/reviews/book/${ids.tyler}`,
		allow: ['iro']
	},
	{
		route: '/work/requests',
		what: "answering Chloe's request (not Sam's young person)",
		method: 'POST',
		url: (ids) => `/work/requests?/answer&requestId=${ids.chloeRequest}&status=done&answer=Sorted`,
		allow: []
	},
	// The Corporate Parenting Board.
	{ route: '/board', url: () => '/board', allow: BOARD },
	{ route: '/board/actions.csv', url: () => '/board/actions.csv', allow: BOARD },
	{ route: '/board/issues.csv', url: () => '/board/issues.csv', allow: BOARD },
	{ route: '/board/issues', url: () => '/board/issues', allow: ['po'] },
	{ route: '/board/pledge', url: () => '/board/pledge', allow: BOARD },
	{
		route: '/board/pledge/[promise]/[person]',
		what: "Tyler's Pledge comment",
		url: (ids) => `/board/pledge/${ids.promise}/${ids.tyler}`,
		allow: ['po']
	},
	{ route: '/board/issues/[id]', url: (ids) => `/board/issues/${ids.issue}`, allow: ['po'] },
	{ route: '/board/meetings', url: () => '/board/meetings', allow: BOARD, act: ['po'] },
	{
		route: '/board/meetings/[id]',
		url: (ids) => `/board/meetings/${ids.meeting}`,
		allow: BOARD,
		act: ['po']
	},
	{
		route: '/board/meetings/[id]/pack',
		url: (ids) => `/board/meetings/${ids.meeting}/pack`,
		allow: BOARD
	},
	{ route: '/board/scorecard', url: () => '/board/scorecard', allow: BOARD, act: ['po'] },
	{
		route: '/board/actions/[id]',
		what: 'an action Cllr Shah owns (officers may update any)',
		url: (ids) => `/board/actions/${ids.action}`,
		allow: BOARD
	},
	// Administration.
	{ route: '/admin', url: () => '/admin', allow: ['admin'] },
	{ route: '/admin/accounts', url: () => '/admin/accounts', allow: ['admin'] },
	{
		route: '/admin/accounts/[id]',
		url: (ids) => `/admin/accounts/${ids.tyler}`,
		allow: ['admin']
	},
	{
		route: '/admin/accounts/[id]/export',
		what: "Tyler's data",
		url: (ids) => `/admin/accounts/${ids.tyler}/export`,
		allow: ['admin']
	},
	{ route: '/admin/audit', url: () => '/admin/audit', allow: ['admin'] },
	{ route: '/admin/invite', url: () => '/admin/invite', allow: ['admin'] },
	{ route: '/admin/settings', url: () => '/admin/settings', allow: ['admin'] },
	{ route: '/admin/content', url: () => '/admin/content', allow: ['admin', 'po'] },
	{ route: '/admin/content/offer', url: () => '/admin/content/offer', allow: ['admin', 'po'] },
	{
		route: '/admin/content/offer/[id]',
		url: (ids) => `/admin/content/offer/${ids.entitlement}`,
		allow: ['admin', 'po']
	},
	{
		route: '/admin/content/offer/[id]/history',
		url: (ids) => `/admin/content/offer/${ids.entitlement}/history`,
		allow: ['admin', 'po']
	},
	{ route: '/admin/content/pledge', url: () => '/admin/content/pledge', allow: ['admin', 'po'] },
	{
		route: '/admin/content/translations',
		url: () => '/admin/content/translations?locale=cy',
		allow: ['admin', 'po']
	},
	{
		route: '/admin/content/translations/[type]/[id]',
		url: (ids) => `/admin/content/translations/entitlement/${ids.entitlement}?locale=ar`,
		allow: ['admin', 'po']
	},
	{ route: '/admin/languages', url: () => '/admin/languages', allow: ['admin'] },
	// Last: quick exit locks each person's session on this client (then sends to the neutral site).
	{
		route: '/exit',
		what: 'quick exit: locks this device, then the neutral site',
		url: () => '/exit',
		allow: 'everyone'
	}
];

// ---------------------------------------------------------------------------------------------
// Every route in src/routes, and the form actions of each page.

const ROUTES_DIR = path.resolve('src/routes');

function routeFolders(dir = ROUTES_DIR): string[] {
	const found: string[] = [];
	const names = readdirSync(dir);
	if (names.some((name) => /^\+(page\.svelte|page\.server\.ts|server\.ts)$/.test(name)))
		found.push(dir);
	for (const name of names) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) found.push(...routeFolders(full));
	}
	return found;
}

const routeId = (folder: string) =>
	'/' +
	path
		.relative(ROUTES_DIR, folder)
		.split(path.sep)
		.filter((part) => part && !/^\(.*\)$/.test(part))
		.join('/');

const ROUTE_FOLDERS = new Map(routeFolders().map((folder) => [routeId(folder), folder]));

function actionsOf(route: string): string[] {
	const file = path.join(ROUTE_FOLDERS.get(route) ?? '', '+page.server.ts');
	if (!existsSync(file)) return [];
	const source = readFileSync(file, 'utf8');
	const start = source.indexOf('export const actions');
	if (start === -1) return [];
	// Written by hand (`name: async (event) =>`) or built (`name: action(`).
	return [
		...source.slice(start).matchAll(/^\t(\w+): (?:action\(|(?:async )?\(?event\)? =>)/gm)
	].map((match) => match[1]);
}

// ---------------------------------------------------------------------------------------------

type Outcome = 'let in' | 'sign in' | 'refused' | 'absent' | 'error';

function outcomeOf(response: APIResponse): Outcome {
	const status = response.status();
	if (status >= 500) return 'error';
	if (status === 401) return 'sign in';
	if (status >= 300 && status < 400) {
		const location = response.headers()['location'] ?? '';
		return location.startsWith('/signin?') ? 'sign in' : 'let in';
	}
	if (status === 403) return 'refused';
	// A refused look at someone else's thing is a 404: it must look like nothing is there.
	if (status === 404) return 'refused';
	// 400: let in, then the empty or odd request was turned away by its checks.
	return 'let in';
}

function expected(item: Case, persona: Persona): Outcome {
	if (item.absent) return 'refused';
	if (item.allow === 'everyone') return 'let in';
	if (persona === 'out') return 'sign in';
	return item.allow.includes(persona) ? 'let in' : 'refused';
}

/** What the table shows: ✓ let in; "read" let in but not to act; ✗ refused; → sign in. */
function cell(item: Case, persona: Persona): string {
	if (item.absent) return '404';
	const outcome = expected(item, persona);
	if (outcome === 'sign in') return '→ sign in';
	if (outcome === 'refused') return '✗';
	if (item.act && persona !== 'out' && !item.act.includes(persona as SignedIn)) return 'read';
	return '✓';
}

function table(): string {
	const header = `| Route | What | ${PERSONAS.map((p) => p.label).join(' | ')} |`;
	const rule = `| --- | --- | ${PERSONAS.map(() => ':---:').join(' | ')} |`;
	const rows = CASES.map((item) => {
		const method = item.method === 'POST' ? 'POST ' : '';
		return `| \`${method}${item.route}\` | ${item.what ?? ''} | ${PERSONAS.map((p) => cell(item, p.key)).join(' | ')} |`;
	});
	return [header, rule, ...rows].join('\n');
}

const hearth = new OwnHearth(port(3), 'matrix');
const clients = new Map<Persona, APIRequestContext>();
let ids: Ids;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	await hearth.start();
	clients.set('out', await hearth.client());
	for (const persona of PERSONAS) {
		if ('username' in persona) clients.set(persona.key, await hearth.client(persona.username));
	}
	const one = <T>(sql: string, ...params: unknown[]) => hearth.query<T>(sql, ...params)[0];
	const userId = (username: string) =>
		one<{ id: string }>('select id from users where username = ?', username).id;

	// Things that are not in the demo council until someone makes them.
	const tyler = clients.get('yp')!;
	const unsafe = await tyler.post('/me/unsafe', { form: {}, maxRedirects: 0 });
	expect(unsafe.status()).toBe(303);
	const leah = clients.get('po')!;
	const meeting = await leah.post('/board/meetings?/create', {
		form: {
			meetingOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
			place: 'Committee Room 2'
		},
		maxRedirects: 0
	});
	expect(meeting.status()).toBe(303);
	const meetingId = meeting.headers()['location']!.split('/').pop()!;
	const action = await leah.post(`/board/meetings/${meetingId}?/action`, {
		form: {
			what: 'Write to every carer about pocket money',
			ownerId: userId('cllr.shah'),
			dueOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
			issueId: ''
		}
	});
	expect(action.ok()).toBe(true);
	const chloe = await hearth.client('chloe');
	const asked = await chloe.post('/me/offer/leisure-pass', {
		form: { message: 'Can I have the leisure pass please?' }
	});
	expect(asked.ok()).toBe(true);
	await chloe.dispose();

	const raised = await clients.get('forum')!.post('/me/forum?/raise', {
		form: {
			forumId: one<{ id: string }>("select id from forums where name = 'Children in Care Council'")
				.id,
			title: 'Wifi in the house is too slow for homework',
			whatIsWrong: 'It drops every evening.',
			whatToChange: 'Better wifi in every home.'
		}
	});
	expect(raised.ok()).toBe(true);

	// Tyler tells us more about a promise; the officer makes it a safeguarding concern.
	const promise = one<{ id: string }>('select id from pledge_promises order by id limit 1').id;
	const rated = await tyler.post('/me/pledge?/rate', {
		form: { promiseId: promise, rating: 'no', comment: 'Nobody listens to me.' }
	});
	expect(rated.ok()).toBe(true);
	const concern = await leah.post(`/board/pledge/${promise}/${userId('tyler')}?/concern`, {
		form: { note: 'Check in with Tyler', allegation: 'none', ladoContact: '', ladoReference: '' }
	});
	expect(concern.ok()).toBe(true);

	const statementOf = (username: string) =>
		one<{ id: string }>(
			'select s.id from statements s join users u on u.id = s.young_person_id where u.username = ?',
			username
		).id;
	ids = {
		tyler: userId('tyler'),
		maya: userId('maya'),
		amira: userId('amira'),
		tylerReview: 'demo-review-tyler-1',
		amiraReview: 'demo-review-amira-1',
		tylerStatement: statementOf('tyler'),
		amiraStatement: statementOf('amira'),
		tylerAlert: one<{ id: string }>(
			'select id from safety_alerts where young_person_id = ?',
			userId('tyler')
		).id,
		issue: one<{ id: string }>("select id from forum_issues where title = 'Bus passes for college'")
			.id,
		amiraIssue: one<{ id: string }>(
			"select id from forum_issues where title like 'Wifi in the house%'"
		).id,
		meeting: meetingId,
		action: one<{ id: string }>('select id from board_actions').id,
		entitlement: one<{ id: string }>("select id from entitlements where slug = 'leisure-pass'").id,
		chloeRequest: one<{ id: string }>('select id from offer_requests').id,
		promise,
		concernAlert: one<{ alert_id: string }>('select alert_id from safeguarding_concerns').alert_id,
		tylerComplaint: ''
	};

	// Tyler complains (after his statement above is chosen, so the rows above stay as they were).
	const complained = await tyler.post('/me/say/complain?/send', {
		form: {
			want: 'complain',
			more: 'Nobody tells me anything.',
			recipientId: userId('sam.okafor'),
			clientKey: 'matrix-complaint',
			language: 'en'
		},
		maxRedirects: 0
	});
	expect(complained.status()).toBe(303);
	ids.tylerComplaint = one<{ id: string }>('select id from complaints').id;
});

test.afterAll(async () => {
	for (const client of clients.values()) await client.dispose();
	hearth.stop();
});

test('every route in src/routes is in the matrix', () => {
	const covered = new Set(CASES.map((item) => item.route));
	const missing = [...ROUTE_FOLDERS.keys()].filter((route) => !covered.has(route));
	expect(missing, 'routes with no row in the access-control matrix').toEqual([]);
	const unknown = [...covered].filter((route) => !ROUTE_FOLDERS.has(route));
	expect(unknown, 'rows for routes that no longer exist').toEqual([]);
});

test('every role and signed-out visitor gets exactly what the matrix says', async () => {
	test.setTimeout(180_000);
	const wrong: string[] = [];
	let asked = 0;
	for (const item of CASES) {
		const url = item.url(ids);
		for (const persona of PERSONAS) {
			const client = clients.get(persona.key)!;
			const response =
				item.method === 'POST'
					? url.includes('?/')
						? await client.post(url, {
								form: Object.fromEntries(new URL(url, hearth.origin).searchParams),
								maxRedirects: 0
							})
						: await client.post(url, { data: {}, maxRedirects: 0 })
					: await client.get(url, { maxRedirects: 0 });
			asked++;
			const got = outcomeOf(response);
			const want = expected(item, persona.key);
			if (got !== want)
				wrong.push(
					`${persona.label} ${item.method ?? 'GET'} ${url}: ${response.status()} (${got}), want ${want}`
				);

			// Someone not let in, or let in to read only, posts to each form action: refused, every one.
			const mayAct =
				want === 'let in' &&
				(!item.act || (persona.key !== 'out' && item.act.includes(persona.key)));
			if (mayAct || item.absent || item.method === 'POST') continue;
			for (const action of actionsOf(item.route)) {
				if (item.allow === 'everyone') continue;
				const target = action === 'default' ? url : `${url}?/${action}`;
				const posted = await client.post(target, { form: {}, maxRedirects: 0 });
				asked++;
				const postedOutcome = outcomeOf(posted);
				const postWant = persona.key === 'out' ? 'sign in' : 'refused';
				if (postedOutcome !== postWant)
					wrong.push(
						`${persona.label} POST ${target}: ${posted.status()} (${postedOutcome}), want ${postWant}`
					);
			}
		}
	}
	expect(wrong).toEqual([]);
	expect(asked).toBeGreaterThan(CASES.length * PERSONAS.length);
	console.log(
		`Access-control matrix: ${asked} requests, ${CASES.length} rows, ${PERSONAS.length} columns`
	);
});

test('docs/SECURITY.md shows this matrix', () => {
	const file = path.resolve('docs/SECURITY.md');
	const doc = readFileSync(file, 'utf8');
	const start = '<!-- matrix:start -->';
	const end = '<!-- matrix:end -->';
	const from = doc.indexOf(start);
	const to = doc.indexOf(end);
	expect(from, `docs/SECURITY.md needs ${start} and ${end}`).toBeGreaterThan(-1);
	const current = doc.slice(from + start.length, to).trim();
	const wanted = table();
	// Compared cell by cell: prettier pads the table in the file.
	const cells = (markdown: string) =>
		markdown
			.split('\n')
			.map((line) =>
				line
					.split('|')
					.map((part) => part.trim().replace(/^(:?)-+(:?)$/, '$1-$2'))
					.join('|')
			)
			.join('\n');
	if (process.env.HEARTH_WRITE_MATRIX && cells(current) !== cells(wanted)) {
		writeFileSync(
			file,
			doc.slice(0, from + start.length) + '\n\n' + wanted + '\n\n' + doc.slice(to)
		);
		return;
	}
	expect(cells(current), 'run `npm run security:matrix` to write the table').toBe(cells(wanted));
});
