import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	addCalendarMonths,
	addWorkingDays,
	ageBand,
	bankHolidays,
	isWorkingDay,
	lastQuarters,
	participationCodeFits,
	quarterOf,
	returnYear,
	reviewDueOn,
	reviewTimeline
} from '$lib/domain/reviews';
import { consultationSchema, questionsFor } from '$lib/domain/consultation';
import { reviewOption, reviewQuestion } from '$lib/words/review-labels';
import { CONSULTATION_QUESTIONS } from '$lib/domain/consultation';
import { careEpisodes, notices, reviews, youngPeople } from '$lib/server/db/schema';
import {
	consultationOf,
	recordOutcome,
	reviewById,
	reviewWorkList,
	saveConsultation,
	scheduleReview
} from '$lib/server/reviews/reviews';
import { participationRows, reviewMeasures } from '$lib/server/reviews/measures';
import { runDueJobs } from '$lib/server/jobs/runner';
import { jobHandlers } from '$lib/server/jobs/handlers';
import { freshDb, makeStaff, makeYoungPerson } from './db';

describe('working days', () => {
	it('skip weekends and England and Wales bank holidays, including substitute days', () => {
		expect(bankHolidays(2026).has('2026-05-25')).toBe(true); // Spring bank holiday
		expect(bankHolidays(2026).has('2026-12-28')).toBe(true); // Boxing Day substitute
		expect(bankHolidays(2027).has('2027-03-17')).toBe(false); // St Patrick's Day: Northern Ireland only
		expect(isWorkingDay('2026-05-22')).toBe(true);
		expect(isWorkingDay('2026-05-23')).toBe(false);
		expect(isWorkingDay('2026-05-25')).toBe(false);
	});

	it.each([
		// came into care, working days, due
		['2026-05-22', 1, '2026-05-26'], // Friday before the Spring bank holiday Monday
		['2026-05-22', 20, '2026-06-22'], // the first review: 20 working days, one lost to the holiday
		['2026-05-15', 20, '2026-06-15'],
		['2026-12-18', 20, '2027-01-20'], // over Christmas, Boxing Day substitute and New Year
		['2026-12-24', 1, '2026-12-29'],
		['2027-03-24', 20, '2027-04-23'], // over Easter 2027 (Good Friday 26 March, Easter Monday 29 March)
		['2026-11-22', 0, '2026-11-22']
	])('from %s, %i working days is %s', (from, count, due) => {
		expect(addWorkingDays(from, count)).toBe(due);
	});

	it('adds calendar months to the last day of a shorter month', () => {
		expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
		expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
		expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
	});
});

describe('review schedule', () => {
	it('is 20 working days, then 3 months, then 6 months', () => {
		expect(reviewDueOn(1, '2026-05-22')).toBe('2026-06-22');
		expect(reviewDueOn(2, '2026-05-22', '2026-06-19')).toBe('2026-09-19');
		expect(reviewDueOn(3, '2026-05-22', '2026-09-10')).toBe('2027-03-10');
		expect(() => reviewDueOn(2, '2026-05-22')).toThrow();
	});

	it('flags late reviews, says when the next is due, and whether it is overdue', () => {
		const timeline = reviewTimeline(
			'2026-05-22',
			[{ heldOn: '2026-09-25' }, { heldOn: '2026-06-22' }],
			'2026-11-22'
		);
		expect(timeline.held).toEqual([
			{ number: 1, heldOn: '2026-06-22', dueOn: '2026-06-22', late: false },
			{ number: 2, heldOn: '2026-09-25', dueOn: '2026-09-22', late: true }
		]);
		expect(timeline.next).toEqual({ number: 3, dueOn: '2027-03-25', overdue: false });
		expect(reviewTimeline('2026-05-22', [], '2026-06-23').next).toEqual({
			number: 1,
			dueOn: '2026-06-22',
			overdue: true
		});
	});

	it('lets a review be brought forward: the next interval starts from when it was held', () => {
		const early = reviewTimeline(
			'2026-01-05',
			[{ heldOn: '2026-01-20' }, { heldOn: '2026-03-01' }],
			'2026-03-02'
		);
		expect(early.held.every((review) => !review.late)).toBe(true);
		expect(early.next.dueOn).toBe('2026-09-01');
	});
});

describe('participation codes', () => {
	it('allow PN0 only for a child under 4 on the review date, and only PN0 then', () => {
		expect(participationCodeFits('PN0', '2023-01-10', '2027-01-09')).toBe(true);
		expect(participationCodeFits('PN0', '2023-01-10', '2027-01-10')).toBe(false);
		expect(participationCodeFits('PN1', '2023-01-10', '2027-01-10')).toBe(true);
		expect(participationCodeFits('PN1', '2023-01-10', '2026-06-01')).toBe(false);
		expect(participationCodeFits('PN0', '2018-03-01', '2026-11-22')).toBe(false);
	});

	it('count quarters', () => {
		expect(quarterOf('2026-11-22')).toBe('2026-Q4');
		expect(lastQuarters('2027-02-01', 3)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
	});

	it('name the return year by the April it starts in, unless a plausible year is asked for', () => {
		expect(returnYear('2027-03-31', NaN)).toBe(2026);
		expect(returnYear('2027-04-01', 0)).toBe(2027);
		expect(returnYear('2027-04-01', 2024)).toBe(2024);
		expect(returnYear('2027-04-01', 2024.5)).toBe(2027);
		expect(returnYear('2027-01-01', 3000)).toBe(2026);
	});
});

describe('the consultation', () => {
	it('asks fewer questions of younger children, and teenagers about chairing', () => {
		expect(ageBand(7)).toBe('under_8');
		expect(ageBand(8)).toBe('8_to_12');
		expect(ageBand(13)).toBe('13_plus');
		const ids = (age: number) => questionsFor(ageBand(age)).map((q) => q.id);
		expect(ids(6)).not.toContain('who_not');
		expect(ids(6)).toContain('advocate');
		expect(ids(10)).toContain('who_not');
		expect(ids(10)).not.toContain('chair');
		expect(ids(15)).toContain('chair');
	});

	it('saves a half-done draft but sends only with an answer, and drops questions for other ages', () => {
		expect(consultationSchema('under_8', false).safeParse({}).success).toBe(true);
		expect(consultationSchema('under_8', true).safeParse({}).success).toBe(false);
		const parsed = consultationSchema('under_8', true).parse({ area_home: 'good', chair: 'yes' });
		expect(parsed).toEqual({ area_home: 'good' });
		expect(consultationSchema('13_plus', true).safeParse({ chair: 'always' }).success).toBe(false);
		expect(
			consultationSchema('13_plus', true).safeParse({ going_well: 'x'.repeat(5001) }).success
		).toBe(false);
	});

	it('has words for every question and choice', () => {
		for (const question of CONSULTATION_QUESTIONS) {
			expect(reviewQuestion(question.id)).not.toBe('');
			if (question.kind === 'choice')
				for (const option of question.options) expect(reviewOption(option)).not.toBe('');
		}
	});
});

function council() {
	const db = freshDb();
	const iro = makeStaff(db, 'janet', ['iro']);
	const otherIro = makeStaff(db, 'other', ['iro']);
	const child = makeYoungPerson(
		db,
		'amira',
		[{ staffUserId: iro, linkType: 'iro' }],
		new Date('2026-01-01T00:00:00Z')
	);
	db.update(youngPeople)
		.set({ dateOfBirth: '2012-03-01' })
		.where(eq(youngPeople.userId, child))
		.run();
	db.insert(careEpisodes)
		.values({
			id: 'episode-amira',
			youngPersonId: child,
			startedOn: '2026-05-22',
			legalStatus: 'C2',
			createdAt: NOW
		})
		.run();
	return { db, iro, otherIro, child };
}

const NOW = new Date('2026-06-01T09:00:00Z');

describe('scheduling and recording reviews', () => {
	it('lists the children an IRO chairs with their next review, and books one', () => {
		const { db, iro, otherIro, child } = council();
		expect(reviewWorkList(db, iro, '2026-06-01')).toMatchObject([
			{ id: child, nextDueOn: '2026-06-22', overdue: false, scheduled: null }
		]);
		expect(reviewWorkList(db, otherIro, '2026-06-01')).toEqual([]);
		expect(
			scheduleReview(
				db,
				otherIro,
				{ youngPersonId: child, meetingAt: '2026-06-20T10:00', place: 'School' },
				NOW
			)
		).toEqual({ ok: false, reason: 'not_chair' });
		const booked = scheduleReview(
			db,
			iro,
			{ youngPersonId: child, meetingAt: '2026-06-20T10:00', place: 'School' },
			NOW
		);
		expect(booked.ok).toBe(true);
		expect(
			scheduleReview(
				db,
				iro,
				{ youngPersonId: child, meetingAt: '2026-06-21T10:00', place: 'School' },
				NOW
			)
		).toEqual({ ok: false, reason: 'already' });
		expect(reviewById(db, booked.ok ? booked.id : '')).toMatchObject({
			number: 1,
			dueOn: '2026-06-22',
			ageBand: '13_plus'
		});
	});

	it('invites the child 10 days before and reminds them 3 days before unless they have answered', async () => {
		const { db, iro, child } = council();
		const booked = scheduleReview(
			db,
			iro,
			{ youngPersonId: child, meetingAt: '2026-06-20T10:00', place: 'School' },
			NOW
		);
		const id = booked.ok ? booked.id : '';
		const run = (iso: string) =>
			runDueJobs(db, {
				handlers: jobHandlers(),
				clock: () => new Date(iso)
			});
		const childNotices = () => db.select().from(notices).where(eq(notices.userId, child)).all();
		await run('2026-06-09T09:00:00Z');
		expect(childNotices()).toHaveLength(0);
		await run('2026-06-10T10:00:00Z');
		expect(childNotices().map((n) => [n.kind, n.link])).toEqual([
			['review_reminder', `/me/reviews/${id}`]
		]);
		saveConsultation(db, id, { area_home: 'good' }, true, new Date('2026-06-12T09:00:00Z'));
		await run('2026-06-17T10:00:00Z');
		expect(childNotices()).toHaveLength(1);
	});

	it('keeps a consultation sent twice as it was, and shows it only once sent', () => {
		const { db, iro, child } = council();
		const booked = scheduleReview(
			db,
			iro,
			{ youngPersonId: child, meetingAt: '2026-06-20T10:00', place: 'School' },
			NOW
		);
		const id = booked.ok ? booked.id : '';
		saveConsultation(db, id, { going_well: 'drama club' }, false, NOW);
		expect(consultationOf(db, id)).toMatchObject({
			answers: { going_well: 'drama club' },
			sentAt: null
		});
		saveConsultation(db, id, { going_well: 'drama club and football' }, true, NOW);
		expect(saveConsultation(db, id, { going_well: 'changed' }, true, NOW)).toEqual({
			ok: true,
			sent: true
		});
		expect(consultationOf(db, id)!.answers).toEqual({ going_well: 'drama club and football' });
		const raw = db.$client
			.prepare('select answers_sealed as v from review_consultations')
			.get() as { v: string };
		expect(raw.v).not.toContain('drama');
	});

	it('records the outcome with a code that fits the age, and writes the letter', () => {
		const { db, iro, otherIro, child } = council();
		const booked = scheduleReview(
			db,
			iro,
			{ youngPersonId: child, meetingAt: '2026-06-20T10:00', place: 'School' },
			NOW
		);
		const id = booked.ok ? booked.id : '';
		saveConsultation(db, id, { going_well: 'school' }, true, NOW);
		const outcome = {
			heldOn: '2026-06-20',
			code: 'PN1' as const,
			decisions: 'Stay at school',
			letter: 'Dear Amira'
		};
		expect(recordOutcome(db, otherIro, id, outcome, new Date())).toEqual({
			ok: false,
			reason: 'not_chair'
		});
		expect(recordOutcome(db, iro, id, { ...outcome, code: 'PN0' }, new Date())).toEqual({
			ok: false,
			reason: 'code_age'
		});
		expect(recordOutcome(db, iro, id, outcome, new Date())).toEqual({ ok: true });
		expect(recordOutcome(db, iro, id, outcome, new Date())).toEqual({
			ok: false,
			reason: 'not_scheduled'
		});
		expect(reviewById(db, id)).toMatchObject({
			status: 'held',
			participationCode: 'PN1',
			viewsThroughApp: true,
			letter: 'Dear Amira'
		});
		expect(saveConsultation(db, id, { going_well: 'late' }, true, NOW)).toEqual({
			ok: false,
			reason: 'closed'
		});
		expect(reviewWorkList(db, iro, '2026-06-21')[0]).toMatchObject({
			nextDueOn: '2026-09-20',
			lateCount: 0
		});
	});
});

describe('measures and the export', () => {
	it('suppress small numbers and export one row per held review', () => {
		const { db, iro, child } = council();
		const insert = (n: number, heldOn: string, dueOn: string, code: string) =>
			db
				.insert(reviews)
				.values({
					id: `r${n}`,
					youngPersonId: child,
					kind: 'child_in_care',
					chairId: iro,
					number: 1,
					dueOn,
					meetingAt: `${heldOn}T10:00`,
					place: 'x',
					status: 'held',
					heldOn,
					participationCode: code,
					viewsThroughApp: n % 2 === 0,
					createdAt: NOW
				})
				.run();
		for (let n = 0; n < 8; n++)
			insert(n, '2026-10-0' + (n + 1), n < 7 ? '2026-10-09' : '2026-10-01', n < 6 ? 'PN1' : 'PN7');
		const q4 = reviewMeasures(db, '2026-11-22').at(-1)!;
		expect(q4.quarter).toBe('2026-Q4');
		expect(q4.held).toEqual({ kind: 'count', value: 8 });
		expect(q4.onTime).toEqual({
			count: { kind: 'count', value: 7 },
			share: { kind: 'share', percent: 88 }
		});
		expect(q4.viewsGiven).toEqual({
			count: { kind: 'count', value: 6 },
			share: { kind: 'share', percent: 75 }
		});
		expect(q4.throughAdvocate).toEqual({
			count: { kind: 'count', value: 0 },
			share: { kind: 'share', percent: 0 }
		});
		expect(q4.throughApp.count).toEqual({ kind: 'suppressed', below: 6 });
		expect(q4.throughApp.share).toEqual({ kind: 'withheld' });
		const rows = participationRows(db, '2026-04-01', '2027-03-31');
		expect(rows).toHaveLength(8);
		expect(rows[0]).toEqual([child, '2026-10-01', 'PN1']);
		expect(participationRows(db, '2027-04-01', '2028-03-31')).toEqual([]);
		const csv = rows.map((row) => row.join());
		expect(csv.join()).not.toContain('amira');
	});
});
