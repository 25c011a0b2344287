import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Role } from '$lib/domain/roles';
import type { SessionUser } from '$lib/server/auth/session';
import { makeStaff, makeYoungPerson } from './db';

// The builders use the app's one database (for the audit log); point it at a fresh folder first.
process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'hearth-handlers-'));
const { getDb } = await import('$lib/server/db');
const { action, endpoint, formActions, page, refuse } = await import('$lib/server/http/handlers');
const { formInput } = await import('$lib/server/http/form');
const { createContext } = await import('$lib/server/http/context');
const { searchAudit } = await import('$lib/server/audit/log');

type Locals = App.Locals;

function person(id: string, roles: Role[]): SessionUser {
	return { id, username: id, displayName: id, roles };
}

function eventFor(
	locals: Partial<Locals>,
	{ pathname = '/x', form }: { pathname?: string; form?: Record<string, string | string[]> } = {}
) {
	const body = new FormData();
	for (const [name, value] of Object.entries(form ?? {}))
		for (const one of [value].flat()) body.append(name, one);
	return {
		locals: {
			user: null,
			session: null,
			pending: null,
			locked: null,
			endedBecause: null,
			...locals
		},
		url: new URL(`http://localhost${pathname}`),
		params: {},
		request: new Request(`http://localhost${pathname}`, { method: 'POST', body }),
		getClientAddress: () => '192.0.2.7'
	} as never;
}

/** What SvelteKit would answer for a thrown error or redirect, or what the handler returned. */
async function outcome(run: () => unknown) {
	try {
		return { returned: await run() };
	} catch (thrown) {
		const { status, location } = thrown as { status: number; location?: string };
		return location ? { status, location } : { status };
	}
}

let ids: Record<string, string>;
beforeAll(() => {
	const db = getDb();
	const sam = makeStaff(db, 'sam', ['worker']);
	const maya = makeYoungPerson(db, 'maya', [{ staffUserId: sam, linkType: 'social_worker' }]);
	ids = { sam, maya };
});

describe('access: every builder checks before it runs', () => {
	const load = page('useWorkArea', (ctx) => ({ who: ctx.user.id }));

	it('lets in a person with the capability, with the context', async () => {
		const worker = person(ids.sam, ['worker']);
		expect(await outcome(() => load(eventFor({ user: worker })))).toEqual({
			returned: { who: ids.sam }
		});
	});

	it('refuses a person without it (403), and sends someone signed out to sign in', async () => {
		expect(
			await outcome(() => load(eventFor({ user: person(ids.maya, ['young_person']) })))
		).toEqual({
			status: 403
		});
		expect(await outcome(() => load(eventFor({}, { pathname: '/work/x' })))).toEqual({
			status: 303,
			location: '/signin?next=%2Fwork%2Fx'
		});
	});

	it('never runs the handler when refused', async () => {
		let ran = false;
		const guarded = endpoint('administer', () => {
			ran = true;
			return new Response('secret');
		});
		await outcome(() => guarded(eventFor({ user: person(ids.sam, ['worker']) })));
		expect(ran).toBe(false);
	});

	it('lets a locked device ask for help as its owner, and nothing else', async () => {
		const child = person(ids.maya, ['young_person']);
		const locked = { locked: { user: child }, session: { id: 's', expiresAt: new Date() } };
		const help = page('askForHelp', (ctx) => ({ who: ctx.user.id, locked: ctx.locked }));
		expect(await outcome(() => help(eventFor(locked)))).toEqual({
			returned: { who: ids.maya, locked: true }
		});
		const mine = page('useMyPages', (ctx) => ctx.user.id);
		expect(await outcome(() => mine(eventFor(locked, { pathname: '/me' })))).toEqual({
			status: 303,
			location: '/unlock?next=%2Fme'
		});
		// A public page on a locked device knows nobody.
		const open = page('anyone', (ctx) => ctx.user);
		expect(await outcome(() => open(eventFor(locked)))).toEqual({ returned: null });
	});

	it('lets no member of staff in through "ask for help" on a locked device', async () => {
		const worker = person(ids.sam, ['worker']);
		const help = page('askForHelp', () => 'raised');
		expect(await outcome(() => help(eventFor({ locked: { user: worker } })))).toMatchObject({
			status: 303
		});
	});
});

describe('forms: fields read by the schema, mistakes kept, each result named', () => {
	const schema = z.object({
		name: z.string().trim().min(1, { error: 'Say your name' }),
		password: z.string().min(8, { error: 'Too short' }),
		themes: z.array(z.enum(['home', 'school'])),
		note: z.string().optional()
	});

	it('reads text, lists and missing fields as a browser sends them', () => {
		const form = new FormData();
		form.append('name', ' Maya ');
		form.append('themes', 'home');
		form.append('themes', 'school');
		form.append('ignored', 'x');
		expect(formInput(schema, form)).toEqual({
			name: ' Maya ',
			password: '',
			themes: ['home', 'school'],
			note: ''
		});
	});

	it('reads through refinements and transforms', () => {
		const refined = schema.refine(() => true).transform((v) => v.name);
		const form = new FormData();
		form.append('name', 'Sam');
		expect(formInput(refined, form)).toMatchObject({ name: 'Sam', themes: [] });
	});

	const actions = formActions({
		save: action('useWorkArea', schema, (_ctx, input) => ({ done: `Saved ${input.name}` })),
		check: action('useWorkArea', schema, () => refuse({ name: 'Not that name' }, 409))
	});
	const worker = () => person(ids.sam, ['worker']);

	it('answers a mistake with 400, the input kept (never a password) and a message per field', async () => {
		const result = await actions.save(
			eventFor({ user: worker() }, { form: { name: ' ', password: 'hunter2', themes: 'home' } })
		);
		expect(result).toMatchObject({
			status: 400,
			data: {
				form: 'save',
				values: { name: ' ', themes: 'home' },
				errors: { name: 'Say your name', password: 'Too short' }
			}
		});
		expect(JSON.stringify(result)).not.toContain('hunter2');
	});

	it('names the form in a success and in a handler’s own refusal', async () => {
		const form = { name: 'Maya', password: 'long enough', themes: 'home' };
		expect(await actions.save(eventFor({ user: worker() }, { form }))).toEqual({
			form: 'save',
			done: 'Saved Maya'
		});
		expect(await actions.check(eventFor({ user: worker() }, { form }))).toMatchObject({
			status: 409,
			data: { form: 'check', values: { name: 'Maya' }, errors: { name: 'Not that name' } }
		});
	});

	it('refuses before reading the form when the person lacks the capability', async () => {
		const child = person(ids.maya, ['young_person']);
		expect(await outcome(() => actions.save(eventFor({ user: child }, { form: {} })))).toEqual({
			status: 403
		});
	});
});

describe('the request context', () => {
	it('reads the clock once, and dates in UK time', () => {
		const ctx = createContext({
			user: null,
			db: getDb(),
			now: new Date('2026-06-30T23:30:00Z')
		});
		expect(ctx.today).toBe('2026-07-01');
		expect(ctx.now.toISOString()).toBe('2026-06-30T23:30:00.000Z');
	});

	it('answers capabilities by name', () => {
		const ctx = createContext({ user: person(ids.sam, ['worker', 'iro']), db: getDb() });
		expect(ctx.can('openRecords')).toBe(true);
		expect(ctx.can('openEveryRecord')).toBe(false);
		expect(ctx.capabilities).toContain('answerRequests');
	});

	it('writes the audit log as this person, from this address, at this time', () => {
		const at = new Date('2026-03-02T10:00:00Z');
		const ctx = createContext({
			user: person(ids.sam, ['worker']),
			db: getDb(),
			now: at,
			address: '198.51.100.4'
		});
		ctx.audit({ action: 'young_person.viewed', subjectUserId: ids.maya, detail: '/work/x' });
		const found = searchAudit(getDb(), { person: 'sam' }).entries.find(
			(row) => row.detail === '/work/x'
		);
		expect(found).toMatchObject({ at, address: '198.51.100.4' });
	});
});
