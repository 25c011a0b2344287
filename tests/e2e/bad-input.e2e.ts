import type { APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { expect, test } from './fixtures';
import { OwnHearth } from './own-hearth';
import { port } from './ports';

/**
 * The bad-input battery: every form Hearth shows each role, found by reading the pages, is posted
 * with values fast-check makes up (empty, very long, any Unicode, control characters, markup and
 * script, SQL-looking text, numbers out of range, one value or several where one is wanted). For
 * every answer: never a 5xx; a refusal says what is wrong; a refused post changes nothing; and no
 * page afterwards carries the markup as markup. The JSON endpoints get made-up JSON the same way.
 */

const hearth = new OwnHearth(port(5), 'bad-input');
test.describe.configure({ mode: 'serial' });

const MARK = 'hearthxss';
const nasty = fc.oneof(
	fc.constant(''),
	fc.constant(' '),
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 60 }),
	fc.string({ unit: 'binary', maxLength: 60 }),
	// Control characters, zero-width and direction marks, line and paragraph separators.
	fc
		.array(
			fc.constantFrom(
				...[0, 1, 7, 8, 9, 10, 13, 27, 31, 127, 0x200b, 0x200e, 0x200f, 0x2028, 0x2029, 0x202e].map(
					(code) => String.fromCharCode(code)
				)
			),
			{ minLength: 1, maxLength: 20 }
		)
		.map((chars) => chars.join('')),
	fc.integer({ min: 1000, max: 120_000 }).map((n) => 'x'.repeat(n)),
	fc.constantFrom(
		`<script>${MARK}(1)</script>`,
		`"><img src=x onerror=${MARK}(1)>`,
		`<svg onload=${MARK}(1)>`,
		`javascript:${MARK}(1)`,
		`' OR 1=1; DROP TABLE users; --`,
		`"; DELETE FROM statements; --`,
		'-1',
		'0',
		'99999999999999999999',
		'1e308',
		'NaN',
		'2026-02-30',
		'../../etc/passwd',
		'%00',
		'null',
		'[object Object]'
	)
);

interface Form {
	page: string;
	action: string;
	fields: Map<string, string[]>;
}

/** The POST forms on a page, with each field's name and the values the page offers. */
function formsOf(page: string, html: string): Form[] {
	const forms: Form[] = [];
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const attributes = match[1];
		if (!/method="post"/i.test(attributes)) continue;
		const action = /action="([^"]*)"/.exec(attributes)?.[1]?.replaceAll('&amp;', '&') ?? '';
		const fields = new Map<string, string[]>();
		const add = (name: string, value: string) =>
			fields.set(name, [...(fields.get(name) ?? []), value.replaceAll('&amp;', '&')]);
		for (const input of match[2].matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
			const name = /name="([^"]*)"/.exec(input[2])?.[1];
			if (!name) continue;
			add(name, /value="([^"]*)"/.exec(input[2])?.[1] ?? '');
		}
		for (const select of match[2].matchAll(
			/<select\b[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g
		))
			for (const option of select[2].matchAll(/<option[^>]*value="([^"]*)"/g))
				add(select[1], option[1]);
		forms.push({ page, action, fields });
	}
	return forms;
}

// Forms left out, and why: they end or erase things on purpose, or take any input by design.
const SKIP = [
	/\/signout$/, // signs the person out
	/\?\/(erase|disable|enable|roles|removeSecondFactor)$/, // admin actions on accounts: tested in access and security tests
	/^\/me\/unsafe$/, // raises an alert whatever is sent: a child is never refused there
	/^\/account\/password$/, // argon2 on every try: the password rules have their own tests
	/\?\/(enable|disable|code|recovery)$/, // second-factor forms: their own tests
	/\/notices/ // marks notices read
];

const TABLES = [
	'users',
	'worker_links',
	'invitations',
	'statements',
	'statement_messages',
	'statement_themes',
	'safety_alerts',
	'reviews',
	'review_consultations',
	'offer_requests',
	'promise_ratings',
	'entitlements',
	'content_versions',
	'pledge_promises',
	'forum_issues',
	'issue_supports',
	'board_meetings',
	'agenda_items',
	'board_actions',
	'action_updates',
	'scorecard_entries',
	'council_settings'
];
const counts = () =>
	hearth.query<Record<string, number>>(
		`select ${TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ')}`
	)[0];

const PAGES: Record<string, (ids: Record<string, string>) => string[]> = {
	tyler: (ids) => [
		'/me/say/feeling',
		'/me/say/visit',
		'/me/say/worry',
		'/me/say/good_news',
		'/me/say/home',
		'/me/say/complain',
		`/me/messages/${ids.tylerStatement}`,
		`/me/reviews/${ids.tylerReview}`,
		'/me/offer/leisure-pass',
		'/me/pledge',
		'/me/forum',
		'/account/notifications'
	],
	amira: (ids) => [`/me/forum/issues/${ids.issue}`, '/me/forum'],
	'sam.okafor': (ids) => [
		`/work/statements/${ids.tylerStatement}`,
		`/work/young-people/${ids.maya}`,
		'/work/invite',
		'/work/requests'
	],
	'janet.ward': (ids) => [`/work/reviews/book/${ids.tyler}`, `/work/reviews/${ids.tylerReview}`],
	'nadia.hussain': () => ['/work/team'],
	'leah.mensah': (ids) => [
		`/board/issues/${ids.issue}`,
		'/board/meetings',
		'/board/scorecard',
		'/admin/content/offer',
		`/admin/content/offer/${ids.entitlement}`,
		'/admin/content/pledge'
	],
	// Settings last: a made-up post may turn on the second-factor rule, which stops the admin's session.
	admin: (ids) => ['/admin/invite', `/admin/accounts/${ids.tyler}`, '/admin/settings'],
	'': () => ['/signin', '/join', '/reset']
};

let ids: Record<string, string>;
const clients = new Map<string, APIRequestContext>();
const tried = {
	forms: 0,
	posts: 0,
	json: 0,
	refused: 0,
	pages: 0,
	badBodies: 0,
	badBodiesRefused: 0
};

test.beforeAll(async () => {
	test.setTimeout(120_000);
	await hearth.start();
	for (const username of Object.keys(PAGES))
		clients.set(username, await hearth.client(username || undefined));
	const one = (sql: string) => hearth.query<{ id: string }>(sql)[0].id;
	const user = (name: string) => one(`select id from users where username = '${name}'`);
	ids = {
		tyler: user('tyler'),
		maya: user('maya'),
		tylerReview: 'demo-review-tyler-1',
		tylerStatement: one(
			`select id from statements where young_person_id = '${user('tyler')}' order by created_at limit 1`
		),
		issue: one('select id from forum_issues'),
		entitlement: one("select id from entitlements where slug = 'leisure-pass'")
	};
});

test.afterAll(async () => {
	for (const client of clients.values()) await client.dispose();
	hearth.stop();
	console.log(
		`Bad-input battery: ${tried.forms} forms, ${tried.posts} form posts (${tried.refused} refused with a message), ${tried.json} JSON posts, ${tried.badBodies} bodies in the wrong shape (${tried.badBodiesRefused} refused), ${tried.pages} pages checked for live markup`
	);
});

test('every form: no 5xx, a message on refusal, nothing half-written', async () => {
	test.setTimeout(600_000);
	const problems: string[] = [];
	for (const [username, pagesFor] of Object.entries(PAGES)) {
		const client = clients.get(username)!;
		for (const page of pagesFor(ids)) {
			const html = await (await client.get(page)).text();
			const forms = formsOf(page, html).filter((form) => {
				const target = form.action.startsWith('?') ? page + form.action : form.action || page;
				return !SKIP.some((rule) => rule.test(target));
			});
			for (const form of forms) {
				tried.forms++;
				const target = form.action.startsWith('?') ? page + form.action : form.action || page;
				const names = [...form.fields.keys()];
				// Each field: what the page offers (so other fields' checks are reached), or made up.
				const field = (name: string) =>
					fc.oneof(
						{ arbitrary: fc.constantFrom(...form.fields.get(name)!), weight: 1 },
						{ arbitrary: nasty, weight: 3 },
						{ arbitrary: fc.array(nasty, { minLength: 2, maxLength: 3 }), weight: 1 }
					);
				await fc
					.assert(
						fc.asyncProperty(fc.tuple(...names.map(field)), async (values) => {
							const body = new URLSearchParams();
							names.forEach((name, i) => {
								const value = values[i];
								for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
							});
							const before = counts();
							const response = await client.post(target, {
								headers: { 'content-type': 'application/x-www-form-urlencoded' },
								data: body.toString(),
								maxRedirects: 0
							});
							tried.posts++;
							const status = response.status();
							const text = await response.text();
							const where = `${username || 'signed out'} ${target} ${JSON.stringify(body.toString().slice(0, 200))}`;
							if (status >= 500) problems.push(`${status}: ${where}`);
							if (text.includes(`<script>${MARK}`) || /<(img|svg)[^>]*on\w+=hearthxss/.test(text))
								problems.push(`markup reflected: ${where}`);
							if (status >= 400 && status < 500) {
								tried.refused++;
								const says =
									text.includes('role="alert"') ||
									text.includes('text-danger') ||
									// or the error page, with a sentence saying why
									(text.includes('Go to your home page') &&
										/<p class="mb-6">[^<]{10,}<\/p>/.test(text));
								if (!says) problems.push(`refused without a message (${status}): ${where}`);
								const after = counts();
								for (const table of TABLES)
									if (after[table] !== before[table])
										problems.push(`${table} changed by a refused post (${status}): ${where}`);
							}
							return problems.length === 0;
						}),
						{ numRuns: 12, seed: 20261123, endOnFailure: true }
					)
					.catch(() => undefined);
				if (problems.length) break;
			}
		}
	}
	expect(problems.slice(0, 20)).toEqual([]);
	expect(tried.forms).toBeGreaterThan(25);
});

/** Bodies no browser sends to a form, each with the content type it claims. */
// SvelteKit itself answers 415 before any action for a type that is not a form's (`formType: false`).
const BAD_BODIES: {
	name: string;
	contentType?: string;
	data: Buffer | string;
	formType?: false;
}[] = [
	{ name: 'multipart without a boundary', contentType: 'multipart/form-data', data: 'a=1' },
	{
		name: 'multipart with a boundary the body lacks',
		contentType: 'multipart/form-data; boundary=hearthboundary',
		data: '--another\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--another--\r\n'
	},
	{
		name: 'multipart cut off half way',
		contentType: 'multipart/form-data; boundary=hearthboundary',
		data: '--hearthboundary\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'
	},
	{
		name: 'multipart with an empty boundary',
		contentType: 'multipart/form-data; boundary=',
		data: '--\r\n'
	},
	{ name: 'text/plain', contentType: 'text/plain', data: 'a=1\r\nb=2' },
	{ name: 'JSON to a form', contentType: 'application/json', data: '{"a": 1', formType: false },
	{ name: 'no content type', data: Buffer.from([0, 255, 1, 254]), formType: false },
	{
		name: 'an odd content type',
		contentType: 'image/png',
		data: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
		formType: false
	}
];

test('every form: a body in the wrong shape is a 400 with a message, never a 5xx', async () => {
	test.setTimeout(300_000);
	const problems: string[] = [];
	for (const [username, pagesFor] of Object.entries(PAGES)) {
		const client = clients.get(username)!;
		for (const page of pagesFor(ids)) {
			const html = await (await client.get(page)).text();
			// Every form, the skipped ones too: a body nobody can read changes nothing anywhere.
			for (const form of formsOf(page, html)) {
				const target = form.action.startsWith('?') ? page + form.action : form.action || page;
				if (/\/signout$/.test(target)) continue;
				for (const body of BAD_BODIES) {
					const before = counts();
					const response = await client.post(target, {
						headers: body.contentType ? { 'content-type': body.contentType } : {},
						data: body.data,
						maxRedirects: 0
					});
					tried.badBodies++;
					const status = response.status();
					const text = await response.text();
					const where = `${username || 'signed out'} ${target} (${body.name})`;
					if (body.formType === false) {
						if (status !== 415) problems.push(`${status}, not 415: ${where}`);
						tried.badBodiesRefused++;
					} else if (target === '/me/unsafe') {
						// "I feel unsafe" raises its alert from any form body: a child is never refused there.
						if (status !== 303) problems.push(`${status}, not an alert: ${where}`);
						continue;
					} else if (status >= 500) problems.push(`${status}: ${where}`);
					else if (status >= 400) {
						tried.badBodiesRefused++;
						if (
							!text.includes('We couldn&#39;t read what was sent') &&
							!text.includes("We couldn't read what was sent")
						)
							problems.push(`${status} without the message: ${where}`);
					} else {
						// An action that takes no fields (make a code, mark as read) reads no body: nothing
						// here is unreadable, and it does what an empty form would.
						continue;
					}
					const after = counts();
					for (const table of TABLES)
						if (after[table] !== before[table]) problems.push(`${table} changed: ${where}`);
				}
			}
		}
	}
	expect(problems.slice(0, 20)).toEqual([]);
	// Most forms read their fields, so most of these are refused, each with the message.
	expect(tried.badBodiesRefused).toBeGreaterThan(tried.badBodies / 2);
});

test('the JSON endpoints: no 5xx for any JSON or non-JSON body', async () => {
	const tyler = clients.get('tyler')!;
	const problems: string[] = [];
	for (const url of ['/api/voice', '/api/push']) {
		await fc
			.assert(
				fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.object(), nasty), async (value) => {
					const data = typeof value === 'string' ? value : JSON.stringify(value);
					const response = await tyler.post(url, {
						headers: { 'content-type': 'application/json' },
						data
					});
					tried.json++;
					if (response.status() >= 500)
						problems.push(`${response.status()} ${url} ${data.slice(0, 200)}`);
					return problems.length === 0;
				}),
				{ numRuns: 150, seed: 20261123 }
			)
			.catch(() => undefined);
	}
	expect(problems.slice(0, 10)).toEqual([]);
});

test('no page carries made-up markup as markup afterwards', async () => {
	const problems: string[] = [];
	const everywhere = [
		'/me',
		'/me/messages',
		'/me/reviews',
		'/me/forum',
		'/work',
		'/work/requests',
		'/work/team',
		'/board',
		'/board/issues',
		'/board/meetings',
		'/board/scorecard',
		'/admin/accounts',
		'/admin/audit',
		'/offer',
		'/pledge',
		'/you-said-we-did',
		'/'
	];
	for (const [username, pagesFor] of Object.entries(PAGES)) {
		const client = clients.get(username)!;
		for (const page of [...pagesFor(ids), ...everywhere]) {
			const response = await client.get(page);
			tried.pages++;
			const text = await response.text();
			if (response.status() >= 500) problems.push(`${response.status()} ${username} ${page}`);
			if (text.includes(`<script>${MARK}`) || /<(img|svg)[^>]*on\w+=hearthxss/.test(text))
				problems.push(`live markup on ${page} for ${username || 'signed out'}`);
		}
	}
	expect(problems).toEqual([]);
});
