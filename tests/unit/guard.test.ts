import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '$lib/domain/roles';
import { ukToday } from '$lib/domain/people';
import type { SessionUser } from '$lib/server/auth/session';
import { makeStaff, makeYoungPerson } from './db';

// The guards use the app's one database; point it at a fresh folder before it opens.
process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'hearth-guard-'));
const { getDb } = await import('$lib/server/db');
const guard = await import('$lib/server/auth/guard');
const { searchAudit } = await import('$lib/server/audit/log');
const { endLink, youngPersonRecord } = await import('$lib/server/people/young-people');

function eventFor(user: SessionUser | null, pathname = '/work') {
	return {
		locals: { user, session: null, pending: null, locked: null, endedBecause: null },
		url: new URL(`http://localhost${pathname}`),
		getClientAddress: () => '127.0.0.1'
	};
}

function person(id: string, roles: Role[]): SessionUser {
	return { id, username: id, displayName: id, roles };
}

/** What SvelteKit would answer: the status of a thrown error or redirect. */
function statusOf(run: () => unknown): number | 'allowed' {
	try {
		run();
		return 'allowed';
	} catch (thrown) {
		return (thrown as { status: number }).status;
	}
}

let ids: Record<string, string>;

beforeAll(() => {
	const db = getDb();
	const sam = makeStaff(db, 'sam', ['worker']);
	const holly = makeStaff(db, 'holly', ['worker']);
	const gareth = makeStaff(db, 'gareth', ['manager']);
	const cllr = makeStaff(db, 'cllr', ['board_member']);
	const admin = makeStaff(db, 'admin', ['admin']);
	const maya = makeYoungPerson(db, 'maya', [{ staffUserId: sam, linkType: 'social_worker' }]);
	const amira = makeYoungPerson(db, 'amira', [{ staffUserId: holly, linkType: 'social_worker' }]);
	ids = { sam, holly, gareth, cllr, admin, maya, amira };
});

describe('requireUser and requireRole', () => {
	it('sends someone signed out to sign in, coming back afterwards', () => {
		try {
			guard.requireUser(eventFor(null, '/work/invite'));
			expect.unreachable();
		} catch (thrown) {
			expect(thrown).toMatchObject({ status: 303, location: '/signin?next=%2Fwork%2Finvite' });
		}
	});

	it('lets the right roles in and refuses the rest with 403', () => {
		expect(
			statusOf(() => guard.requireRole(eventFor(person(ids.sam, ['worker'])), 'worker', 'iro'))
		).toBe('allowed');
		expect(
			statusOf(() => guard.requireRole(eventFor(person(ids.maya, ['young_person'])), 'worker'))
		).toBe(403);
		expect(
			statusOf(() => guard.requireRole(eventFor(person(ids.cllr, ['board_member'])), 'admin'))
		).toBe(403);
	});

	it('applies the path-prefix rule for every area', () => {
		const child = person(ids.maya, ['young_person']);
		const councillor = person(ids.cllr, ['board_member']);
		expect(statusOf(() => guard.checkArea(eventFor(child, '/me')))).toBe('allowed');
		expect(statusOf(() => guard.checkArea(eventFor(child, '/work')))).toBe(403);
		expect(statusOf(() => guard.checkArea(eventFor(child, '/admin/audit')))).toBe(403);
		expect(statusOf(() => guard.checkArea(eventFor(councillor, '/board')))).toBe('allowed');
		expect(statusOf(() => guard.checkArea(eventFor(councillor, '/me')))).toBe(403);
		expect(statusOf(() => guard.checkArea(eventFor(councillor, '/work/young-people/x')))).toBe(403);
		expect(statusOf(() => guard.checkArea(eventFor(null, '/signin')))).toBe('allowed');
		expect(statusOf(() => guard.checkArea(eventFor(null, '/board')))).toBe(303);
	});
});

// Who may ask for help on a locked device is the handlers' (authorise, in handlers.test.ts);
// the path rule only has to let those posts reach them.
describe('the path rule on a device quick exit locked', () => {
	const lockedEvent = (user: SessionUser, pathname: string, method: string) => ({
		...eventFor(null, pathname),
		locals: { user: null, session: null, pending: null, locked: { user }, endedBecause: null },
		request: { method }
	});

	it('lets only the help paths through the area rule for a locked device, and only to post', () => {
		const child = person(ids.maya, ['young_person']);
		for (const path of ['/me/unsafe', '/api/voice'])
			expect(statusOf(() => guard.checkArea(lockedEvent(child, path, 'POST')))).toBe('allowed');
		expect(statusOf(() => guard.checkArea(lockedEvent(child, '/me/unsafe', 'GET')))).toBe(303);
		expect(statusOf(() => guard.checkArea(lockedEvent(child, '/me/say/good_news', 'POST')))).toBe(
			303
		);
		expect(statusOf(() => guard.checkArea(lockedEvent(child, '/me', 'GET')))).toBe(303);
	});
});

describe('requireLinkedYoungPerson', () => {
	it('lets a linked worker read the record and writes the read to the audit log', () => {
		const before = searchAudit(getDb(), { action: 'young_person.viewed' }).entries.length;
		expect(
			statusOf(() =>
				guard.requireLinkedYoungPerson(eventFor(person(ids.sam, ['worker'])), ids.maya)
			)
		).toBe('allowed');
		const after = searchAudit(getDb(), { action: 'young_person.viewed' }).entries;
		expect(after.length).toBe(before + 1);
		expect(after[0]).toMatchObject({ actorUsername: 'sam', subjectUsername: 'maya' });
	});

	it('refuses a worker who is not linked, and writes nothing', () => {
		const before = searchAudit(getDb(), { action: 'young_person.viewed' }).entries.length;
		expect(
			statusOf(() =>
				guard.requireLinkedYoungPerson(eventFor(person(ids.sam, ['worker'])), ids.amira)
			)
		).toBe(403);
		expect(searchAudit(getDb(), { action: 'young_person.viewed' }).entries.length).toBe(before);
	});

	it('refuses board members, admins and young people, even one asking for their own record here', () => {
		for (const [id, roles] of [
			[ids.cllr, ['board_member']],
			[ids.admin, ['admin']],
			[ids.maya, ['young_person']]
		] as const) {
			expect(
				statusOf(() => guard.requireLinkedYoungPerson(eventFor(person(id, [...roles])), ids.maya))
			).toBe(403);
		}
	});

	it('lets managers read any record for oversight', () => {
		expect(
			statusOf(() =>
				guard.requireLinkedYoungPerson(eventFor(person(ids.gareth, ['manager'])), ids.amira)
			)
		).toBe('allowed');
	});

	it('stops a worker as soon as their link is ended', () => {
		const db = getDb();
		const link = youngPersonRecord(db, ids.maya, ukToday(new Date()))!.links[0];
		endLink(db, ids.admin, link.id, ukToday(new Date()), new Date());
		expect(
			statusOf(() =>
				guard.requireLinkedYoungPerson(eventFor(person(ids.sam, ['worker'])), ids.maya)
			)
		).toBe(403);
	});
});
