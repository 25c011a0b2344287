import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import type { SessionUser } from '$lib/server/auth/session';
import { makeStaff, makeYoungPerson } from './db';

// The route's actions use the app's one database (and its audit log): a fresh folder first.
process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'hearth-care-record-'));
const { getDb } = await import('$lib/server/db');
const schema = await import('$lib/server/db/schema');
const care = await import('$lib/server/people/care-record');
const { youngPersonRecord, countYoungPeopleByStatus } =
	await import('$lib/server/people/young-people');
const route = await import('../../src/routes/work/young-people/[id]/+page.server');

const person = (id: string, roles: Role[]): SessionUser => ({
	id,
	username: id,
	displayName: id,
	roles
});

function post(user: SessionUser, youngPersonId: string, form: Record<string, string>) {
	const body = new FormData();
	for (const [name, value] of Object.entries(form)) body.append(name, value);
	const pathname = `/work/young-people/${youngPersonId}`;
	return {
		locals: { user, session: null, pending: null, locked: null, endedBecause: null },
		url: new URL(`http://localhost${pathname}`),
		params: { id: youngPersonId },
		request: new Request(`http://localhost${pathname}`, { method: 'POST', body }),
		getClientAddress: () => '192.0.2.7'
	} as never;
}

/** What SvelteKit would answer: the status of a thrown error or a failed form, or what came back. */
async function outcome(run: () => unknown) {
	try {
		const result = (await run()) as { status?: number; data?: unknown };
		return result && typeof result.status === 'number' ? { status: result.status } : { ok: true };
	} catch (thrown) {
		return { status: (thrown as { status: number }).status };
	}
}

const NOW = new Date('2026-06-01T09:00:00Z');
let ids: Record<string, string>;
beforeAll(() => {
	const db = getDb();
	const sam = makeStaff(db, 'sam', ['worker']);
	const other = makeStaff(db, 'other', ['worker']);
	const janet = makeStaff(db, 'janet', ['iro']);
	const iro2 = makeStaff(db, 'iro2', ['iro']);
	const gareth = makeStaff(db, 'gareth', ['manager']);
	const officer = makeStaff(db, 'officer', ['participation_officer']);
	const cllr = makeStaff(db, 'cllr', ['board_member']);
	const maya = makeYoungPerson(db, 'maya', [
		{ staffUserId: sam, linkType: 'social_worker' },
		{ staffUserId: janet, linkType: 'iro' }
	]);
	const tyler = makeYoungPerson(db, 'tyler', []);
	db.insert(schema.forums)
		.values({ id: 'cicc', name: 'CiCC', description: '', createdAt: NOW })
		.run();
	ids = { sam, other, janet, iro2, gareth, officer, cllr, maya, tyler };
});

describe('who may change a young person’s record (editRecords, with requireRecord)', () => {
	const councilId = (who: SessionUser, value: string) =>
		outcome(() => route.actions.councilId(post(who, ids.maya, { councilChildId: value })));

	it('the linked social worker, a linked IRO and a manager may', async () => {
		expect(await councilId(person(ids.sam, ['worker']), 'BW-1')).toEqual({ ok: true });
		expect(await councilId(person(ids.janet, ['iro']), 'BW-2')).toEqual({ ok: true });
		expect(await councilId(person(ids.gareth, ['manager']), 'BW-3')).toEqual({ ok: true });
		expect(care.careDetails(getDb(), ids.maya)?.councilChildId).toBe('BW-3');
	});

	it('another worker, an IRO not linked, an officer, a Board member and the young person may not (403)', async () => {
		for (const who of [
			person(ids.other, ['worker']),
			person(ids.iro2, ['iro']),
			person(ids.officer, ['participation_officer']),
			person(ids.cllr, ['board_member']),
			person(ids.maya, ['young_person'])
		])
			expect(await councilId(who, 'BW-9')).toEqual({ status: 403 });
		for (const action of ['period', 'placement', 'lastReview', 'forum'] as const)
			expect(
				await outcome(() =>
					route.actions[action](post(person(ids.other, ['worker']), ids.maya, {}))
				)
			).toEqual({ status: 403 });
		expect(care.careDetails(getDb(), ids.maya)?.councilChildId).toBe('BW-3');
	});

	it('only a manager may override the category (overrideCategory); the linked worker may not', async () => {
		const override = { category: 'qualifying', reason: 'Was in care in another council' };
		expect(
			await outcome(() =>
				route.actions.override(post(person(ids.sam, ['worker']), ids.maya, override))
			)
		).toEqual({ status: 403 });
		expect(
			await outcome(() =>
				route.actions.override(post(person(ids.gareth, ['manager']), ids.maya, override))
			)
		).toEqual({ ok: true });
		const details = care.careDetails(getDb(), ids.maya)!;
		expect(details.categoryOverride).toBe('qualifying');
		expect(details.categoryOverrideReason).toBe('Was in care in another council');
		// The override wins over what the record gives, and the reason is sealed at rest.
		expect(youngPersonRecord(getDb(), ids.maya, '2026-06-01')?.category).toBe('qualifying');
		const raw = getDb()
			.select({ reason: schema.youngPeople.categoryOverrideReason })
			.from(schema.youngPeople)
			.where(eq(schema.youngPeople.userId, ids.maya))
			.get();
		expect(raw?.reason).not.toContain('another council');
		await outcome(() =>
			route.actions.override(
				post(person(ids.gareth, ['manager']), ids.maya, { category: '', reason: '' })
			)
		);
		expect(care.careDetails(getDb(), ids.maya)?.categoryOverride).toBeNull();
	});

	it('a clash of council IDs is refused beside the field (409), and nothing changes', async () => {
		expect(await councilId(person(ids.gareth, ['manager']), 'TY-1')).toEqual({ ok: true });
		const clash = await route.actions.councilId(
			post(person(ids.gareth, ['manager']), ids.tyler, { councilChildId: 'TY-1' })
		);
		expect(clash).toMatchObject({
			status: 409,
			data: { errors: { councilChildId: expect.stringContaining('Another child') } }
		});
		expect(care.careDetails(getDb(), ids.tyler)?.councilChildId).toBeNull();
	});

	it('every change is audited', () => {
		const actions = getDb()
			.select({ action: schema.auditLog.action, actor: schema.auditLog.actorId })
			.from(schema.auditLog)
			.where(eq(schema.auditLog.subjectUserId, ids.maya))
			.all();
		expect(actions).toContainEqual({ action: 'young_person.updated', actor: ids.sam });
		expect(actions).toContainEqual({ action: 'category.overridden', actor: ids.gareth });
		expect(actions).toContainEqual({ action: 'young_person.refused', actor: ids.other });
	});
});

describe('periods of care (the 903 episodes)', () => {
	const save = (form: Record<string, string>) =>
		route.actions.period(post(person(ids.sam, ['worker']), ids.maya, form));
	const period = (over: Record<string, string> = {}) => ({
		periodId: '',
		startedOn: '2024-01-10',
		legalStatus: 'C2',
		placementType: 'U4',
		endedOn: '',
		endReason: '',
		...over
	});

	it('adds, ends with a 903 reason, and adds the next; a child back in care is in care again', async () => {
		expect(await save(period())).toMatchObject({ done: expect.any(String) });
		const [first] = care.careDetails(getDb(), ids.maya)!.periods;
		expect(
			await save(period({ periodId: first.id, endedOn: '2025-02-01', endReason: 'E4A' }))
		).toMatchObject({ done: expect.any(String) });
		expect(youngPersonRecord(getDb(), ids.maya, '2025-06-01')?.careStatus).toBe('care_leaver');
		expect(await save(period({ startedOn: '2026-04-01', legalStatus: 'C1' }))).toMatchObject({
			done: expect.any(String)
		});
		expect(youngPersonRecord(getDb(), ids.maya, '2026-06-01')?.careStatus).toBe('in_care');
		expect(care.careDetails(getDb(), ids.maya)!.periods.map((p) => p.endReason)).toEqual([
			'E4A',
			null
		]);
	});

	it('refuses an overlap, a second open period, an end before the start, and an end without a reason', async () => {
		expect(
			await save(period({ startedOn: '2024-06-01', endedOn: '2024-07-01', endReason: 'E13' }))
		).toMatchObject({
			status: 400,
			data: { errors: { startedOn: expect.stringContaining('overlaps') } }
		});
		expect(await save(period({ startedOn: '2026-05-01' }))).toMatchObject({
			status: 400,
			data: { errors: { endedOn: expect.stringContaining('still open') } }
		});
		expect(
			await save(period({ startedOn: '2023-05-01', endedOn: '2023-04-01', endReason: 'E13' }))
		).toMatchObject({ status: 400, data: { errors: { endedOn: expect.any(String) } } });
		expect(await save(period({ startedOn: '2023-01-01', endedOn: '2023-03-01' }))).toMatchObject({
			status: 400,
			data: { errors: { endReason: expect.any(String) } }
		});
		expect(care.careDetails(getDb(), ids.maya)!.periods).toHaveLength(2);
	});
});

describe('where they live, forums and counts', () => {
	it('keeps the placement sealed at rest and opens it for the record', async () => {
		const placement = {
			address: '12 Harbour Row',
			carerName: 'Pat Quill',
			carerPhone: '01632 960 555'
		};
		expect(
			await outcome(() =>
				route.actions.placement(post(person(ids.sam, ['worker']), ids.maya, placement))
			)
		).toEqual({ ok: true });
		expect(care.placementOf(getDb(), ids.maya)).toEqual(placement);
		const raw = getDb()
			.select({ sealed: schema.youngPeople.placementSealed })
			.from(schema.youngPeople)
			.where(eq(schema.youngPeople.userId, ids.maya))
			.get();
		expect(raw?.sealed).not.toContain('Harbour');
		const audited = getDb()
			.select({ detail: schema.auditLog.detail })
			.from(schema.auditLog)
			.where(eq(schema.auditLog.action, 'placement.changed'))
			.all();
		expect(JSON.stringify(audited)).not.toContain('Harbour');
	});

	it('a move to a new home asks for an early review (reg. 32(2)); a corrected phone does not', async () => {
		const { openEpisode } = await import('$lib/server/reviews/reviews');
		const today = new Date().toISOString().slice(0, 10);
		if (!openEpisode(getDb(), ids.maya, today))
			getDb()
				.insert(schema.careEpisodes)
				.values({
					id: 'maya-open',
					youngPersonId: ids.maya,
					startedOn: '2025-01-06',
					legalStatus: 'C2',
					createdAt: new Date()
				})
				.run();
		const requests = () =>
			getDb()
				.select({ reason: schema.earlyReviewRequests.reason })
				.from(schema.earlyReviewRequests)
				.where(eq(schema.earlyReviewRequests.youngPersonId, ids.maya))
				.all();
		const worker = person(ids.sam, ['worker']);
		const home = { address: '3 Kiln Lane', carerName: 'Pat Quill', carerPhone: '01632 960 555' };
		await outcome(() => route.actions.placement(post(worker, ids.maya, home)));
		const before = requests().length;
		await outcome(() =>
			route.actions.placement(post(worker, ids.maya, { ...home, carerPhone: '01632 960 556' }))
		);
		expect(requests()).toHaveLength(before);
		await outcome(() =>
			route.actions.placement(post(worker, ids.maya, { ...home, address: '9 Mill Street' }))
		);
		expect(requests()).toHaveLength(before + 1);
		expect(requests().at(-1)).toEqual({ reason: 'placement_change' });
	});

	it('puts a young person on a forum with the forum_member role, and takes both away', async () => {
		const roleOf = () =>
			getDb()
				.select()
				.from(schema.userRoles)
				.where(
					and(eq(schema.userRoles.userId, ids.maya), eq(schema.userRoles.role, 'forum_member'))
				)
				.get();
		await route.actions.forum(
			post(person(ids.sam, ['worker']), ids.maya, { forumId: 'cicc', member: 'yes' })
		);
		expect(care.forumsOf(getDb(), ids.maya)).toEqual([{ id: 'cicc', name: 'CiCC', member: true }]);
		expect(roleOf()).toBeTruthy();
		await route.actions.forum(
			post(person(ids.sam, ['worker']), ids.maya, { forumId: 'cicc', member: 'no' })
		);
		expect(care.forumsOf(getDb(), ids.maya)[0].member).toBe(false);
		expect(roleOf()).toBeUndefined();
		expect(
			await outcome(() =>
				route.actions.forum(
					post(person(ids.sam, ['worker']), ids.maya, { forumId: 'nope', member: 'yes' })
				)
			)
		).toEqual({ status: 404 });
	});

	it("the Board's counts follow the periods of care, changing at 18 by themselves", () => {
		const db = getDb();
		// Both test children were born 2012-04-01; tyler has no periods, so his typed status counts.
		expect(countYoungPeopleByStatus(db, '2026-06-01')).toEqual({ inCare: 2, careLeavers: 0 });
		expect(countYoungPeopleByStatus(db, '2030-04-01')).toEqual({ inCare: 0, careLeavers: 2 });
	});
});

describe('the demo shows each case of issue 20 (seeded on a fresh database)', async () => {
	const { freshDb } = await import('./db');
	const { seedDemo, DEMO_YOUNG_PEOPLE } = await import('$lib/server/demo/seed');
	const { categoryOn, careStatusOn, comingAt18, currentPeriod, onShortBreaksOnly } =
		await import('$lib/domain/leaving-care');
	const { timelineFor } = await import('$lib/server/reviews/reviews');
	const now = new Date('2026-11-22T12:00:00Z');
	const today = '2026-11-22';
	const db = freshDb();
	await seedDemo(db, now);
	const idOf = (username: string) =>
		db
			.select({ id: schema.users.id })
			.from(schema.users)
			.where(eq(schema.users.username, username))
			.get()!.id;

	it('every demo young person but Amira has a council child ID of their own', () => {
		const councilIds = DEMO_YOUNG_PEOPLE.map((p) => [
			p.username,
			care.careDetails(db, idOf(p.username))?.councilChildId ?? null
		]);
		// Amira has none yet, so the reviews page has someone who "needs a council ID".
		expect(councilIds.filter(([, id]) => !id)).toEqual([['amira', null]]);
		const given = councilIds.map(([, id]) => id).filter(Boolean);
		expect(new Set(given).size).toBe(given.length);
	});

	it("s19B-s24: each demo person's category worked out from their periods is the one the demo says", () => {
		for (const demo of DEMO_YOUNG_PEOPLE) {
			const record = care.careRecordOf(db, idOf(demo.username))!;
			expect([demo.username, categoryOn(record, today)]).toEqual([demo.username, demo.category]);
			expect([demo.username, careStatusOn(record, today)]).toEqual([
				demo.username,
				demo.careStatus
			]);
		}
	});

	it('Kai is back in care: an ended period and a new one, his reviews counted from the new one (reg 33)', () => {
		const record = care.careRecordOf(db, idOf('kai'))!;
		expect(record.periods).toHaveLength(2);
		expect(record.periods[0].endedOn).not.toBeNull();
		const timeline = timelineFor(db, idOf('kai'), today)!;
		expect(timeline.held).toHaveLength(1);
		expect(timeline.next).toMatchObject({ number: 2, overdue: false });
	});

	it('Ruby joined mid-care, Nathan has Staying Put coming, Isla is on short breaks only', () => {
		expect(care.careDetails(db, idOf('ruby'))?.lastReviewBeforeHearthOn).toBeTruthy();
		const nathan = care.careRecordOf(db, idOf('nathan'))!;
		const placement = care.careDetails(db, idOf('nathan'))!.periods[0].placementType;
		expect(comingAt18(nathan.dateOfBirth, nathan, placement, today)).toContain('staying_put');
		const isla = care.careRecordOf(db, idOf('isla'))!;
		expect(onShortBreaksOnly(isla.periods, today)).toBe(true);
		expect(currentPeriod(isla.periods, today)?.legalStatus).toBe('V3');
	});
});
