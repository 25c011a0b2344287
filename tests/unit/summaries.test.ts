import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ATTENDED_AND_SPOKE, THROUGH_ADVOCATE, VIEWS_GIVEN } from '$lib/domain/reviews';
import { ukMonth } from '$lib/domain/voice';
import type { Db } from '$lib/server/db/client';
import {
	pledgePromises,
	promiseRatings,
	ratingMonthCounts,
	reviewMonthCounts,
	reviews,
	statementMonthCounts,
	statementThemeMonthCounts,
	statementThemes,
	statements,
	users,
	youngPeople
} from '$lib/server/db/schema';
import { seedDemo } from '$lib/server/demo/seed';
import { insertDemoContent } from '$lib/server/demo/content';
import { computedScorecard } from '$lib/server/forum/scorecard';
import { teamWaiting, workerInbox } from '$lib/server/voice/inbox';
import { statementCounts } from '$lib/server/voice/counts';
import { reviewMeasures } from '$lib/server/reviews/measures';
import { generate } from '../../bench/scale';
import { freshDb, makeStaff, makeYoungPerson } from './db';

const nonZero = <T extends { count: number }>(rows: T[]) => rows.filter((row) => row.count !== 0);

/** What the running totals should say, worked out the slow way from the rows themselves. */
function recount(db: Db) {
	const all = db.select().from(statements).all();
	const byTemplate = new Map<string, number>();
	for (const s of all) {
		const key = `${ukMonth(s.createdAt)} ${s.template}`;
		byTemplate.set(key, (byTemplate.get(key) ?? 0) + 1);
	}
	const byTheme = new Map<string, number>();
	for (const t of db.select().from(statementThemes).all()) {
		const s = all.find((row) => row.id === t.statementId)!;
		const key = `${ukMonth(s.createdAt)} ${t.theme}`;
		byTheme.set(key, (byTheme.get(key) ?? 0) + 1);
	}
	return { byTemplate, byTheme };
}

function summaries(db: Db) {
	const byTemplate = new Map(
		nonZero(db.select().from(statementMonthCounts).all()).map((r) => [
			`${r.month} ${r.template}`,
			r.count
		])
	);
	const byTheme = new Map(
		nonZero(db.select().from(statementThemeMonthCounts).all()).map((r) => [
			`${r.month} ${r.theme}`,
			r.count
		])
	);
	return { byTemplate, byTheme };
}

let keyCount = 0;
function addStatement(
	db: Db,
	youngPersonId: string,
	recipientId: string,
	at: Date,
	themes: string[]
) {
	const id = `s${keyCount++}`;
	db.insert(statements)
		.values({
			id,
			youngPersonId,
			recipientId,
			template: 'feeling',
			answersSealed: 'x',
			clientKey: id,
			createdAt: at,
			lastFromYoungPersonAt: at
		})
		.run();
	for (const theme of themes)
		db.insert(statementThemes)
			.values({ statementId: id, theme: theme as 'feelings' })
			.run();
	return id;
}

describe('running totals for the Board', () => {
	it('count a statement in its UK month, British Summer Time included', () => {
		const db = freshDb();
		const worker = makeStaff(db, 'worker', ['worker']);
		const child = makeYoungPerson(db, 'child', [
			{ staffUserId: worker, linkType: 'social_worker' }
		]);
		const moments = [
			'2026-06-30T23:30:00Z', // 00:30 on 1 July in the UK
			'2026-11-30T23:30:00Z', // 23:30 on 30 November in the UK (GMT)
			'2026-03-29T00:59:00Z', // just before the clocks go forward: GMT, still March
			'2026-03-31T23:30:00Z', // 00:30 on 1 April in the UK (BST)
			'2026-10-25T00:59:00Z', // just before the clocks go back: BST
			'2026-10-31T23:30:00Z', // 23:30 on 31 October in the UK (GMT again)
			'2027-03-27T23:30:00Z', // a Saturday night before the clocks change
			'2025-09-30T23:00:00Z' // midnight starting 1 October in the UK
		];
		for (const moment of moments) addStatement(db, child, worker, new Date(moment), ['feelings']);
		const months = db
			.select({ month: statementMonthCounts.month, count: statementMonthCounts.count })
			.from(statementMonthCounts)
			.all();
		const expected = new Map<string, number>();
		for (const moment of moments) {
			const month = ukMonth(new Date(moment));
			expected.set(month, (expected.get(month) ?? 0) + 1);
		}
		expect(new Map(months.map((m) => [m.month, m.count]))).toEqual(expected);
		expect(expected.get('2026-07')).toBe(1);
		expect(expected.get('2026-04')).toBe(1);
		expect(recount(db)).toEqual(summaries(db));
	});

	it('stay right through tagging, untagging, deleting statements and deleting a young person', () => {
		const db = freshDb();
		const worker = makeStaff(db, 'worker', ['worker']);
		const a = makeYoungPerson(db, 'a', [{ staffUserId: worker, linkType: 'social_worker' }]);
		const b = makeYoungPerson(db, 'b', [{ staffUserId: worker, linkType: 'social_worker' }]);
		const ids: string[] = [];
		for (let i = 0; i < 40; i++) {
			const at = new Date(Date.UTC(2026, i % 12, 1 + (i % 28), (i * 7) % 24));
			ids.push(
				addStatement(db, i % 2 ? a : b, worker, at, i % 3 ? ['feelings'] : ['home', 'safety'])
			);
		}
		db.insert(statementThemes).values({ statementId: ids[1], theme: 'school' }).run();
		db.delete(statementThemes)
			.where(sql`${statementThemes.statementId} = ${ids[0]} and ${statementThemes.theme} = 'home'`)
			.run();
		db.delete(statements).where(eq(statements.id, ids[3])).run();
		expect(summaries(db)).toEqual(recount(db));
		db.delete(users).where(eq(users.id, a)).run();
		expect(summaries(db)).toEqual(recount(db));
		expect([...summaries(db).byTemplate.values()].reduce((x, y) => x + y, 0)).toBe(20);
	});

	it('count held reviews by month with the codes the domain names', () => {
		const db = freshDb();
		const iro = makeStaff(db, 'iro', ['iro']);
		const child = makeYoungPerson(db, 'child', [{ staffUserId: iro, linkType: 'iro' }]);
		const codes = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7', null];
		codes.forEach((code, i) =>
			db
				.insert(reviews)
				.values({
					id: `r${i}`,
					youngPersonId: child,
					kind: 'child_in_care',
					chairId: iro,
					dueOn: '2026-05-10',
					meetingAt: '2026-05-01T10:00',
					place: 'Home',
					status: i === 8 ? 'scheduled' : 'held',
					heldOn: i === 8 ? null : `2026-05-${String(5 + i).padStart(2, '0')}`,
					participationCode: code,
					viewsThroughApp: i % 2 === 1,
					createdAt: new Date()
				})
				.run()
		);
		// Hold the last one late, change a code, and delete one: the totals follow.
		db.update(reviews)
			.set({ status: 'held', heldOn: '2026-06-20', participationCode: 'PN1' })
			.where(eq(reviews.id, 'r8'))
			.run();
		db.update(reviews).set({ participationCode: 'PN6' }).where(eq(reviews.id, 'r7')).run();
		db.delete(reviews).where(eq(reviews.id, 'r4')).run();
		const rows = db.select().from(reviews).all();
		const expected = new Map<string, Record<string, number>>();
		for (const r of rows) {
			const month = r.heldOn!.slice(0, 7);
			const code = r.participationCode as (typeof VIEWS_GIVEN)[number];
			const e = (expected.get(month) ??
				expected
					.set(month, {
						held: 0,
						onTime: 0,
						aged4Plus: 0,
						viewsGiven: 0,
						attendedAndSpoke: 0,
						throughAdvocate: 0,
						throughApp: 0
					})
					.get(month))!;
			const aged4 = code !== 'PN0';
			e.held++;
			if (r.heldOn! <= r.dueOn!) e.onTime++;
			if (aged4) e.aged4Plus++;
			if (VIEWS_GIVEN.includes(code)) e.viewsGiven++;
			if (ATTENDED_AND_SPOKE.includes(code)) e.attendedAndSpoke++;
			if (THROUGH_ADVOCATE.includes(code)) e.throughAdvocate++;
			if (aged4 && r.viewsThroughApp) e.throughApp++;
		}
		const got = new Map(
			db
				.select()
				.from(reviewMonthCounts)
				.all()
				.map(({ month, ...counts }) => [month, counts])
		);
		expect(got).toEqual(expected);
		const [may, june] = [got.get('2026-05')!, got.get('2026-06')!];
		expect(may.held).toBe(7);
		expect(june).toMatchObject({ held: 1, onTime: 0, viewsGiven: 1 });
		expect(reviewMeasures(db, '2026-06-30', 1, 1)[0].held).toEqual({ kind: 'count', value: 8 });
	});

	it('count promise ratings by the month they last changed', async () => {
		const db = freshDb();
		await seedDemo(db, new Date('2026-11-22T12:00:00Z'));
		const promises = db.select({ id: pledgePromises.id }).from(pledgePromises).limit(3).all();
		const [child] = db.select({ id: youngPeople.userId }).from(youngPeople).limit(1).all();
		promises.forEach((promise, i) =>
			db
				.insert(promiseRatings)
				.values({
					promiseId: promise.id,
					youngPersonId: child.id,
					rating: i === 0 ? 'no' : 'yes',
					updatedAt: new Date(`2026-0${i + 3}-15T12:00:00Z`)
				})
				.run()
		);
		const one = (id: string) =>
			sql`${promiseRatings.promiseId} = ${id} and ${promiseRatings.youngPersonId} = ${child.id}`;
		// Changed from "no" to "yes" in another month, and one taken away altogether.
		db.update(promiseRatings)
			.set({ rating: 'yes', updatedAt: new Date('2026-02-01T12:00:00Z') })
			.where(one(promises[0].id))
			.run();
		db.delete(promiseRatings).where(one(promises[2].id)).run();
		const all = db.select().from(promiseRatings).all();
		const expected = new Map<string, { rated: number; kept: number }>();
		for (const r of all) {
			const month = ukMonth(r.updatedAt);
			const e = expected.get(month) ?? { rated: 0, kept: 0 };
			e.rated++;
			if (r.rating === 'yes') e.kept++;
			expected.set(month, e);
		}
		const got = new Map(
			db
				.select()
				.from(ratingMonthCounts)
				.all()
				.filter((r) => r.rated > 0)
				.map(({ month, ...rest }) => [month, rest])
		);
		expect(got).toEqual(expected);
		expect(got).toEqual(
			new Map([
				['2026-02', { rated: 1, kept: 1 }],
				['2026-04', { rated: 1, kept: 1 }]
			])
		);
	});
});

// Moments from 2000 to 2099 (the UK's clocks have changed on today's rule since 1996), drawn
// often from the hours around a month's end and around the clocks changing, where a UK month
// and a UTC month part.
const YEAR = fc.integer({ min: 2000, max: 2099 });
const HOURS_3 = fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 });
const moment = fc
	.oneof(
		fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) - 1 }),
		fc
			.tuple(YEAR, fc.integer({ min: 0, max: 11 }), HOURS_3)
			.map(([year, month, offset]) => Date.UTC(year, month + 1, 1) + offset),
		fc.tuple(YEAR, fc.constantFrom(2, 9), HOURS_3).map(([year, month, offset]) => {
			const lastDay = new Date(Date.UTC(year, month + 1, 0));
			const lastSunday = lastDay.getUTCDate() - lastDay.getUTCDay();
			return Date.UTC(year, month, lastSunday, 1) + offset;
		})
	)
	.map((ms) => new Date(ms));

describe('the UK month in SQL (drizzle/0008_summaries.sql) and ukMonth (fast-check)', () => {
	it('agree on every statement and its themes', () => {
		const db = freshDb();
		const worker = makeStaff(db, 'worker', ['worker']);
		const child = makeYoungPerson(db, 'child', [
			{ staffUserId: worker, linkType: 'social_worker' }
		]);
		fc.assert(
			fc.property(fc.array(moment, { minLength: 1, maxLength: 20 }), (moments) => {
				db.delete(statements).run();
				for (const at of moments) addStatement(db, child, worker, at, ['feelings']);
				expect(summaries(db)).toEqual(recount(db));
			}),
			{ numRuns: 150 }
		);
	});

	it('agree on every Pledge rating, made and changed', () => {
		const db = freshDb();
		insertDemoContent(db, new Date('2026-01-01T00:00:00Z'));
		const child = makeYoungPerson(db, 'child');
		const promises = db.select({ id: pledgePromises.id }).from(pledgePromises).all();
		const rating = fc.record({
			made: moment,
			changed: fc.option(moment, { nil: null }),
			kept: fc.boolean()
		});
		fc.assert(
			fc.property(fc.array(rating, { maxLength: promises.length }), (drawn) => {
				db.delete(promiseRatings).run();
				drawn.forEach(({ made, changed, kept }, i) => {
					const row = { promiseId: promises[i].id, youngPersonId: child };
					db.insert(promiseRatings)
						.values({ ...row, rating: kept ? 'yes' : 'no', updatedAt: made })
						.run();
					if (changed)
						db.update(promiseRatings)
							.set({ rating: kept ? 'no' : 'yes', updatedAt: changed })
							.where(
								sql`${promiseRatings.promiseId} = ${row.promiseId} and ${promiseRatings.youngPersonId} = ${child}`
							)
							.run();
				});
				const expected = new Map<string, { rated: number; kept: number }>();
				for (const r of db.select().from(promiseRatings).all()) {
					const month = ukMonth(r.updatedAt);
					const counts = expected.get(month) ?? { rated: 0, kept: 0 };
					counts.rated++;
					if (r.rating === 'yes') counts.kept++;
					expected.set(month, counts);
				}
				const got = new Map(
					db
						.select()
						.from(ratingMonthCounts)
						.all()
						.filter((r) => r.rated !== 0 || r.kept !== 0)
						.map(({ month, ...counts }) => [month, counts])
				);
				expect(got).toEqual(expected);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('the benchmark data set', () => {
	it('generates a council the pages can read, with the people it signs in as', async () => {
		const db = freshDb();
		const now = new Date('2026-11-22T12:00:00Z');
		await seedDemo(db, now);
		const size = {
			youngPeople: 50,
			workers: 20,
			statements: 1000,
			reviews: 120,
			issues: 30,
			actions: 10
		};
		const people = generate(db.$client, size, { now });
		const inbox = workerInbox(db, people.worker.id, {}, now);
		expect(inbox.statements.length).toBeGreaterThan(0);
		expect(inbox.statements.every((s) => s.youngPersonId)).toBe(true);
		expect(teamWaiting(db, now).unanswered.length).toBeGreaterThan(0);
		const counts = statementCounts(db, 12, now);
		const total = counts.byTemplate.reduce((sum, row) => sum + row.count, 0);
		expect(total).toBeGreaterThan(300);
		const card = computedScorecard(db, '2026-11-22', 4, 1);
		expect(card.some((q) => q.reviewsOnTime.count.kind === 'count')).toBe(true);
		expect(summaries(db)).toEqual(recount(db));
	});
});
