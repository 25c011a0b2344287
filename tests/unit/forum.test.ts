import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { actionStatusOn, byAttention, doneOnTime, median } from '$lib/domain/forum';
import {
	boardActions,
	councilSettings,
	forumMembers,
	forums,
	notices
} from '$lib/server/db/schema';
import {
	forumIssueList,
	giveFeedback,
	issueForYoungPerson,
	raiseIssue,
	supportIssue,
	youSaidWeDid
} from '$lib/server/forum/issues';
import {
	actionList,
	actionsNeedingAttention,
	answerIssue,
	boardIssueRows,
	createAction,
	editIssue,
	issueForOfficer,
	mayUpdateAction,
	mergeIssue,
	updateAction
} from '$lib/server/forum/board';
import { computedScorecard } from '$lib/server/forum/scorecard';
import { csvField } from '$lib/server/csv';
import { saveCouncilSettings, DEFAULT_SETTINGS } from '$lib/server/council/settings';
import { freshDb, makeStaff, makeYoungPerson } from './db';

describe('action status', () => {
	it('is overdue once past its date and not done, and overdue and at risk come first', () => {
		expect(actionStatusOn({ status: 'on_track', dueOn: '2026-11-21' }, '2026-11-22')).toBe(
			'overdue'
		);
		expect(actionStatusOn({ status: 'on_track', dueOn: '2026-11-22' }, '2026-11-22')).toBe(
			'on_track'
		);
		expect(actionStatusOn({ status: 'done', dueOn: '2026-01-01' }, '2026-11-22')).toBe('done');
		const sorted = [
			{ shownStatus: 'done' as const, dueOn: '2026-01-01' },
			{ shownStatus: 'on_track' as const, dueOn: '2026-12-01' },
			{ shownStatus: 'at_risk' as const, dueOn: '2026-12-05' },
			{ shownStatus: 'overdue' as const, dueOn: '2026-11-01' }
		].sort(byAttention);
		expect(sorted.map((a) => a.shownStatus)).toEqual(['overdue', 'at_risk', 'on_track', 'done']);
		expect(doneOnTime({ dueOn: '2026-11-22', doneOn: '2026-11-22' })).toBe(true);
		expect(doneOnTime({ dueOn: '2026-11-22', doneOn: '2026-11-23' })).toBe(false);
		expect(median([5, 1, 3])).toBe(3);
		expect(median([1, 2, 3, 10])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});

function council() {
	const db = freshDb();
	saveCouncilSettings(db, null, {
		name: 'T',
		...DEFAULT_SETTINGS,
		phone: null,
		outOfHoursPhone: null,
		email: null
	});
	const raiser = makeYoungPerson(db, 'tyler');
	const member1 = makeYoungPerson(db, 'amira');
	const member2 = makeYoungPerson(db, 'jayden');
	const outsider = makeYoungPerson(db, 'elif');
	const officer = makeStaff(db, 'leah', ['participation_officer']);
	const councillor = makeStaff(db, 'shah', ['board_member']);
	const chair = makeStaff(db, 'pemberton', ['board_member']);
	db.update(councilSettings).set({ boardChairId: chair }).run();
	db.insert(forums)
		.values({ id: 'cicc', name: 'CiCC', description: '', createdAt: new Date() })
		.run();
	db.insert(forumMembers)
		.values([
			{ forumId: 'cicc', userId: member1 },
			{ forumId: 'cicc', userId: member2 }
		])
		.run();
	const raise = (title: string, named = false) =>
		raiseIssue(db, {
			forumId: 'cicc',
			raisedBy: raiser,
			named,
			title,
			whatIsWrong: 'Mrs Patel is unfair',
			whatToChange: 'fairness'
		})!;
	return { db, raiser, member1, member2, outsider, officer, councillor, chair, raise };
}

describe('issues', () => {
	it('are supported once each, by forum members only', () => {
		const { db, member1, outsider, raise } = council();
		const id = raise('Pocket money');
		expect(supportIssue(db, id, member1)).toBe('supported');
		expect(supportIssue(db, id, member1)).toBe('already');
		expect(supportIssue(db, id, outsider)).toBe('not_member');
		expect(forumIssueList(db, 'cicc', member1)[0]).toMatchObject({
			supports: 1,
			supportedByMe: true
		});
		expect(issueForYoungPerson(db, id, outsider)).toBeNull();
	});

	it('keep the words as first written when an officer edits them, for officers only', () => {
		const { db, officer, member1, raise } = council();
		const id = raise('Pocket money');
		editIssue(db, officer, id, {
			title: 'Pocket money',
			whatIsWrong: 'A carer is unfair',
			whatToChange: 'fairness'
		});
		editIssue(db, officer, id, {
			title: 'Pocket money rates',
			whatIsWrong: 'Carers differ',
			whatToChange: 'fairness'
		});
		expect(issueForOfficer(db, id)).toMatchObject({
			originalWhatIsWrong: 'Mrs Patel is unfair',
			whatIsWrong: 'Carers differ',
			editedBy: 'leah'
		});
		expect(JSON.stringify(issueForYoungPerson(db, id, member1))).not.toContain('Patel');
	});

	it('merge a duplicate, carrying its supports and its raiser over', () => {
		const { db, member1, member2, raise } = council();
		const keep = raise('Wi-Fi');
		const duplicate = raiseIssue(db, {
			forumId: 'cicc',
			raisedBy: member2,
			named: false,
			title: 'Internet',
			whatIsWrong: 'x',
			whatToChange: 'y'
		})!;
		supportIssue(db, keep, member1);
		supportIssue(db, duplicate, member1);
		expect(mergeIssue(db, duplicate, keep)).toBe(true);
		expect(mergeIssue(db, keep, keep)).toBe(false);
		expect(forumIssueList(db, 'cicc', member1).map((i) => [i.title, i.supports])).toEqual([
			['Wi-Fi', 2]
		]);
	});

	it('when answered, tell who raised and supported it, publish it, and hide anonymous raisers', () => {
		const { db, raiser, member1, member2, raise } = council();
		const anonymous = raise('Pocket money');
		const named = raise('Bus passes', true);
		supportIssue(db, anonymous, member1);
		answerIssue(db, anonymous, 'Same rate for everyone');
		answerIssue(db, named, 'Free passes');
		const told = (userId: string) =>
			db.select().from(notices).where(eq(notices.userId, userId)).all().length;
		expect([told(raiser), told(member1), told(member2)]).toEqual([2, 1, 0]);
		expect(youSaidWeDid(db).map((i) => [i.title, i.raisedBy])).toEqual(
			expect.arrayContaining([
				['Pocket money', null],
				['Bus passes', 'tyler']
			])
		);
		expect(boardIssueRows(db).find((i) => i.title === 'Pocket money')!.raisedBy).toBeNull();
		expect(giveFeedback(db, anonymous, member1, 'yes')).toBe(true);
		expect(giveFeedback(db, anonymous, member2, 'yes')).toBe(false);
	});
});

describe('actions', () => {
	it('are updated by their owner, the chair or an officer, and no one else', () => {
		const { db, officer, councillor, chair } = council();
		const other = makeStaff(db, 'other', ['board_member']);
		const id = createAction(db, {
			what: 'Agree one rate',
			ownerId: councillor,
			dueOn: '2026-12-01',
			issueId: null,
			meetingId: null
		})!;
		const action = { ownerId: councillor };
		expect(mayUpdateAction(db, { id: councillor, roles: ['board_member'] }, action)).toBe(true);
		expect(mayUpdateAction(db, { id: chair, roles: ['board_member'] }, action)).toBe(true);
		expect(mayUpdateAction(db, { id: officer, roles: ['participation_officer'] }, action)).toBe(
			true
		);
		expect(mayUpdateAction(db, { id: other, roles: ['board_member'] }, action)).toBe(false);
		expect(
			createAction(db, {
				what: 'x',
				ownerId: makeYoungPerson(db, 'kid'),
				dueOn: '2026-12-01',
				issueId: null,
				meetingId: null
			})
		).toBeNull();
		updateAction(
			db,
			councillor,
			id,
			{ status: 'done', progress: 10, note: 'Agreed' },
			'2026-11-30'
		);
		expect(actionList(db, '2026-12-05')[0]).toMatchObject({
			shownStatus: 'done',
			progress: 100,
			doneOn: '2026-11-30'
		});
	});
});

describe('the scorecard', () => {
	it('suppresses small counts and withholds a median built on one', () => {
		const { db, raise } = council();
		for (let i = 0; i < 3; i++) answerIssue(db, raise(`Issue ${i}`), 'Done');
		const quarter = computedScorecard(db, new Date().toISOString().slice(0, 10)).at(-1)!;
		expect(quarter.issuesRaised).toEqual({ kind: 'suppressed', below: 6 });
		expect(quarter.issuesAnswered).toEqual({ kind: 'suppressed', below: 6 });
		expect(quarter.medianDaysToAnswer).toBeNull();
	});
});

describe('safety alerts on the scorecard', () => {
	it('count those acknowledged within the council set time, hidden when few', async () => {
		const { db, officer, raiser } = council();
		const { raiseSafetyAlert, acknowledgeSafetyAlert } = await import('$lib/server/voice/safety');
		const start = new Date();
		for (let i = 0; i < 8; i++) {
			const { id } = raiseSafetyAlert(db, { youngPersonId: raiser, clientKey: `tap-${i}` }, start);
			// Six acknowledged within 30 minutes, one after an hour, one never.
			if (i < 6) acknowledgeSafetyAlert(db, officer, id, new Date(start.getTime() + 10 * 60_000));
			if (i === 6) acknowledgeSafetyAlert(db, officer, id, new Date(start.getTime() + 60 * 60_000));
		}
		const quarter = computedScorecard(db, new Date().toISOString().slice(0, 10)).at(-1)!;
		expect(quarter.alertsAcknowledgedInTime).toEqual({
			count: { kind: 'count', value: 6 },
			share: { kind: 'share', percent: 75 }
		});
	});
});

describe('CSV fields', () => {
	it('quote what needs it and defuse spreadsheet formulas', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a, b')).toBe('"a, b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvField('-1')).toBe("'-1");
	});
});

describe('the Board overview', () => {
	it('lists open actions, overdue then at risk then by date, up to its limit, with counts of all', () => {
		const db = freshDb();
		const owner = makeStaff(db, 'owner', ['board_member']);
		const add = (what: string, dueOn: string, status: 'not_started' | 'at_risk' | 'done') => {
			const id = createAction(db, { what, ownerId: owner, dueOn, issueId: null, meetingId: null })!;
			db.update(boardActions).set({ status }).where(eq(boardActions.id, id)).run();
		};
		add('later', '2026-12-20', 'not_started');
		add('soon', '2026-12-01', 'not_started');
		add('risky', '2026-12-30', 'at_risk');
		add('late', '2026-11-01', 'not_started');
		add('finished', '2026-10-01', 'done');
		const { actions, counts } = actionsNeedingAttention(db, '2026-11-23', 3);
		expect(actions.map((a) => a.what)).toEqual(['late', 'risky', 'soon']);
		expect(actions[0].shownStatus).toBe('overdue');
		expect(actions.some((a) => 'ownerId' in a)).toBe(false);
		expect(counts).toEqual({ open: 4, overdue: 1, done: 1 });
	});
});
