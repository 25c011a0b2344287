import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db';
import {
	notices,
	safetyAlertEvents,
	safetyAlerts,
	statementMessages,
	statements
} from '$lib/server/db/schema';
import { runDueJobs } from '$lib/server/jobs/runner';
import { jobHandlers } from '$lib/server/jobs/handlers';
import { saveCouncilSettings, DEFAULT_SETTINGS } from '$lib/server/council/settings';
import { setDuty } from '$lib/server/voice/people';
import {
	addMessage,
	markSeenByWorker,
	myStatements,
	handOverStatement,
	sendStatement,
	statementThread
} from '$lib/server/voice/statements';
import { acknowledgeSafetyAlert, raiseSafetyAlert, safetyAlert } from '$lib/server/voice/safety';
import { teamWaiting, workerInbox } from '$lib/server/voice/inbox';
import { statementCounts } from '$lib/server/voice/counts';
import { raisePictureAlert, submitStatement } from '$lib/server/voice/submit';
import { EXPRESS_FEELINGS, EXPRESS_MOOD, expressAnswers } from '$lib/domain/voice';
import { freshDb, makeStaff, makeYoungPerson } from './db';

const T0 = new Date('2026-11-22T02:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function council() {
	const db = freshDb();
	saveCouncilSettings(
		db,
		null,
		{
			name: 'Testshire',
			...DEFAULT_SETTINGS,
			phone: null,
			outOfHoursPhone: '01632 960 999',
			email: null
		},
		new Date()
	);
	const sam = makeStaff(db, 'sam', ['worker']);
	const holly = makeStaff(db, 'holly', ['worker']);
	const iro = makeStaff(db, 'iro', ['iro']);
	const duty = makeStaff(db, 'duty', ['manager']);
	const offDuty = makeStaff(db, 'offduty', ['manager']);
	setDuty(db, duty, true, T0);
	const maya = makeYoungPerson(
		db,
		'maya',
		[
			{ staffUserId: sam, linkType: 'social_worker' },
			{ staffUserId: iro, linkType: 'iro' }
		],
		new Date('2026-01-01T00:00:00Z')
	);
	const tyler = makeYoungPerson(
		db,
		'tyler',
		[{ staffUserId: holly, linkType: 'social_worker' }],
		new Date('2026-01-01T00:00:00Z')
	);
	return { db, sam, holly, iro, duty, offDuty, maya, tyler };
}

const noticesFor = (db: Db, userId: string) =>
	db.select().from(notices).where(eq(notices.userId, userId)).all();

const feeling = (db: Db, youngPersonId: string, recipientId: string, key: string, extra = {}) =>
	sendStatement(
		db,
		{
			youngPersonId,
			template: 'feeling',
			answers: { mood: 'sad', feelings: ['tired'], more: 'I miss my brother', ...extra },
			recipientId,
			clientKey: key
		},
		T0
	);

describe('sending a statement', () => {
	it('stores the answers sealed, never as the words', () => {
		const { db, sam, maya } = council();
		const sent = feeling(db, maya, sam, 'key-00000001');
		expect(sent).toMatchObject({ ok: true, duplicate: false, alertId: null });
		const raw = db.$client.prepare('select answers_sealed from statements').get() as {
			answers_sealed: string;
		};
		expect(raw.answers_sealed).not.toContain('brother');
		expect(raw.answers_sealed).toMatch(/^v1\./);
		const thread = statementThread(db, sent.ok ? sent.id : '')!;
		expect(thread.answers).toMatchObject({ mood: 'sad', more: 'I miss my brother' });
		expect(noticesFor(db, sam)).toHaveLength(1);
		expect(noticesFor(db, sam)[0]).toMatchObject({ kind: 'new_message' });
	});

	it('keeps a form sent twice once', () => {
		const { db, sam, maya } = council();
		const first = feeling(db, maya, sam, 'key-00000002');
		const again = feeling(db, maya, sam, 'key-00000002');
		expect(again).toMatchObject({ ok: true, duplicate: true, id: first.ok && first.id });
		expect(db.select().from(statements).all()).toHaveLength(1);
		expect(noticesFor(db, sam)).toHaveLength(1);
	});

	it('refuses a worker who is not linked to the young person', () => {
		const { db, holly, maya } = council();
		expect(feeling(db, maya, holly, 'key-00000003')).toEqual({ ok: false, reason: 'recipient' });
		expect(db.select().from(statements).all()).toHaveLength(0);
	});

	it('refuses my plans from a child in care', () => {
		const { db, sam, maya } = council();
		const result = sendStatement(
			db,
			{
				youngPersonId: maya,
				template: 'plans',
				answers: { mood: 'good', area: ['money'] },
				recipientId: sam,
				clientKey: 'key-00000004'
			},
			new Date()
		);
		expect(result).toEqual({ ok: false, reason: 'template' });
	});

	it('checks input with the template schema, keeping nothing on a mistake', () => {
		const { db, sam, maya } = council();
		const tooLong = submitStatement(
			db,
			maya,
			'feeling',
			{
				answers: { mood: 'good', more: 'x'.repeat(5001) },
				recipientId: sam,
				clientKey: 'key-00000005'
			},
			new Date()
		);
		expect(tooLong).toMatchObject({ ok: false, status: 400 });
		expect(tooLong.ok ? null : tooLong.errors.more).toMatch(/too long/);
		const unknown = submitStatement(
			db,
			maya,
			'diary',
			{
				answers: {},
				recipientId: sam,
				clientKey: 'key-00000006'
			},
			new Date()
		);
		expect(unknown).toMatchObject({ ok: false, status: 404 });
		const nobody = submitStatement(
			db,
			maya,
			'feeling',
			{
				answers: { mood: 'good' },
				recipientId: 'not-a-worker',
				clientKey: 'key-00000007'
			},
			new Date()
		);
		expect(nobody.ok ? null : nobody.errors.recipientId).toMatch(/who to send/);
		expect(db.select().from(statements).all()).toHaveLength(0);
	});
});

describe('"I feel unsafe"', () => {
	it('raises an alert at once for the linked worker and the manager on duty only', () => {
		const { db, sam, iro, duty, offDuty, maya } = council();
		const alert = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-1' }, T0);
		expect(alert.created).toBe(true);
		expect(noticesFor(db, sam).map((n) => n.kind)).toEqual(['safety_alert']);
		expect(noticesFor(db, duty).map((n) => n.kind)).toEqual(['safety_alert']);
		expect(noticesFor(db, offDuty)).toHaveLength(0);
		expect(noticesFor(db, iro)).toHaveLength(0);
		expect(noticesFor(db, sam)[0].link).toBe(`/work/alerts/${alert.id}`);
		const events = safetyAlert(db, alert.id)!.events;
		expect(events.map((e) => [e.kind, e.toldCount])).toEqual([
			['raised', null],
			['told', 2]
		]);
	});

	it('tells every manager when nobody is on duty', () => {
		const { db, duty, offDuty, maya } = council();
		setDuty(db, duty, false, T0);
		raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-2' }, T0);
		expect(noticesFor(db, duty)).toHaveLength(1);
		expect(noticesFor(db, offDuty)).toHaveLength(1);
	});

	it('raises one alert for a double tap', () => {
		const { db, maya } = council();
		const first = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-3' }, T0);
		const second = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-3' }, T0);
		expect(second).toEqual({ id: first.id, created: false });
		expect(db.select().from(safetyAlerts).all()).toHaveLength(1);
	});

	it('is raised by an unsafe choice in a statement, in the same transaction', () => {
		const { db, sam, duty, maya } = council();
		const sent = feeling(db, maya, sam, 'key-00000010', { feelings: ['scared'] });
		expect(sent.ok && sent.alertId).toBeTruthy();
		const alert = db.select().from(safetyAlerts).get()!;
		expect(alert).toMatchObject({ source: 'statement', statementId: sent.ok && sent.id });
		expect(noticesFor(db, sam).map((n) => n.kind)).toEqual(['safety_alert']);
		expect(noticesFor(db, duty).map((n) => n.kind)).toEqual(['safety_alert']);
		expect(statementThread(db, sent.ok ? sent.id : '')!.themes).toContain('safety');
	});

	it('escalates to every manager when nobody acknowledges it in time, then again on a schedule', async () => {
		const { db, sam, duty, offDuty, maya } = council();
		const { id } = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-4' }, T0);
		const run = (minutes: number) =>
			runDueJobs(db, {
				handlers: jobHandlers(),
				clock: () => later(minutes)
			});
		await run(29);
		expect(noticesFor(db, offDuty)).toHaveLength(0);
		await run(30);
		expect(noticesFor(db, offDuty).map((n) => n.kind)).toEqual(['safety_escalation']);
		expect(noticesFor(db, duty).map((n) => n.kind)).toEqual(['safety_alert', 'safety_escalation']);
		expect(noticesFor(db, sam).map((n) => n.kind)).toEqual(['safety_alert', 'safety_escalation']);
		await run(44);
		expect(safetyAlert(db, id)!.escalationStep).toBe(1);
		await run(45);
		expect(safetyAlert(db, id)!.escalationStep).toBe(2);
		const events = safetyAlert(db, id)!.events;
		expect(events.map((e) => `${e.kind}:${e.step ?? ''}:${e.toldCount ?? ''}`)).toEqual([
			'raised::',
			'told:0:2',
			'escalated:1:3',
			'escalated:2:3'
		]);
		expect(events[2].at).toEqual(later(30));
	});

	it('stops escalating once acknowledged, and logs who acknowledged', async () => {
		const { db, sam, offDuty, maya } = council();
		const { id } = raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-5' }, T0);
		expect(acknowledgeSafetyAlert(db, sam, id, later(10))).toBe(true);
		expect(acknowledgeSafetyAlert(db, sam, id, later(11))).toBe(false);
		await runDueJobs(db, {
			handlers: jobHandlers(),
			clock: () => later(500)
		});
		expect(noticesFor(db, offDuty)).toHaveLength(0);
		const alert = safetyAlert(db, id)!;
		expect(alert.escalationStep).toBe(0);
		expect(alert.events.at(-1)).toMatchObject({ kind: 'acknowledged', actor: 'sam' });
		expect(db.select().from(safetyAlertEvents).all()).toHaveLength(3);
	});

	it('uses the council set time', async () => {
		const { db, offDuty, maya } = council();
		saveCouncilSettings(
			db,
			null,
			{
				name: 'Testshire',
				...DEFAULT_SETTINGS,
				alertMinutes: 10,
				phone: null,
				outOfHoursPhone: null,
				email: null
			},
			new Date()
		);
		raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-6' }, T0);
		await runDueJobs(db, {
			handlers: jobHandlers(),
			clock: () => later(10)
		});
		expect(noticesFor(db, offDuty)).toHaveLength(1);
	});
});

describe('the conversation and receipts', () => {
	it('goes sent, read, answered, and tells each side', () => {
		const { db, sam, maya } = council();
		const sent = feeling(db, maya, sam, 'key-00000020');
		const id = sent.ok ? sent.id : '';
		expect(myStatements(db, maya)[0]).toMatchObject({ receipt: 'sent', newReply: false });
		markSeenByWorker(db, id, later(5));
		expect(myStatements(db, maya)[0]).toMatchObject({ receipt: 'read' });
		addMessage(
			db,
			{ statementId: id, authorId: sam, body: 'Thank you for telling me.', clientKey: 'r1' },
			later(6)
		);
		addMessage(
			db,
			{ statementId: id, authorId: sam, body: 'Thank you for telling me.', clientKey: 'r1' },
			later(7)
		);
		expect(db.select().from(statementMessages).all()).toHaveLength(1);
		expect(myStatements(db, maya)[0]).toMatchObject({ receipt: 'answered', newReply: true });
		expect(noticesFor(db, maya).map((n) => [n.kind, n.link])).toEqual([
			['new_reply', `/me/messages/${id}`]
		]);
		const raw = db.$client.prepare('select body_sealed from statement_messages').get() as {
			body_sealed: string;
		};
		expect(raw.body_sealed).not.toContain('Thank');
		addMessage(db, { statementId: id, authorId: maya, body: 'ok', clientKey: 'r2' }, later(8));
		expect(statementThread(db, id)!.messages.map((m) => [m.fromYoungPerson, m.body])).toEqual([
			[false, 'Thank you for telling me.'],
			[true, 'ok']
		]);
	});

	it('passes a statement only to a colleague linked to the young person', () => {
		const { db, sam, holly, iro, maya } = council();
		const sent = feeling(db, maya, sam, 'key-00000021');
		const id = sent.ok ? sent.id : '';
		const pass = (to: string, clientKey: string) =>
			handOverStatement(
				db,
				{ statementId: id, toStaffId: to, byStaffId: sam, note: 'I am on leave.', clientKey },
				later(2)
			);
		expect(pass(holly, 'pass-1')).toEqual({ ok: false, reason: 'not_linked' });
		expect(pass(sam, 'pass-2')).toEqual({ ok: false, reason: 'not_linked' });
		expect(pass(iro, 'pass-3')).toEqual({ ok: true, duplicate: false });
		// The same form again passes nothing twice.
		expect(pass(iro, 'pass-3')).toEqual({ ok: true, duplicate: true });
		const thread = statementThread(db, id)!;
		expect(thread.recipientId).toBe(iro);
		expect(thread.sentToName).not.toBe(thread.recipientName);
		expect(thread.handovers).toHaveLength(1);
		expect(thread.handovers[0]).toMatchObject({ note: 'I am on leave.', at: later(2) });
		const raw = db.$client.prepare('select note_sealed from statement_handovers').get() as {
			note_sealed: string;
		};
		expect(raw.note_sealed).not.toContain('leave');
		expect(noticesFor(db, iro).map((n) => n.kind)).toEqual(['new_message']);
		// The young person's reply now goes to the one who has it.
		addMessage(db, { statementId: id, authorId: maya, body: 'ok', clientKey: 'r9' }, later(3));
		expect(noticesFor(db, iro).map((n) => n.kind)).toEqual(['new_message', 'new_message']);
	});
});

describe('the inbox', () => {
	it('puts safety alerts first, then unread, and leaves out young people not linked', () => {
		const { db, sam, holly, maya, tyler } = council();
		const old = feeling(db, maya, sam, 'key-00000030');
		const newer = sendStatement(
			db,
			{
				youngPersonId: maya,
				template: 'good_news',
				answers: { mood: 'great' },
				recipientId: sam,
				clientKey: 'key-00000031'
			},
			later(60)
		);
		markSeenByWorker(db, newer.ok ? newer.id : '', later(61));
		feeling(db, tyler, holly, 'key-00000032');
		raiseSafetyAlert(db, { youngPersonId: maya, clientKey: 'tap-30' }, later(62));
		raiseSafetyAlert(db, { youngPersonId: tyler, clientKey: 'tap-31' }, later(62));
		const inbox = workerInbox(db, sam, {}, later(90));
		expect(inbox.alerts.map((a) => [a.name, a.waitingMinutes])).toEqual([['maya', 28]]);
		expect(inbox.statements.map((s) => [s.template, s.unread])).toEqual([
			['feeling', true],
			['good_news', false]
		]);
		expect(workerInbox(db, sam, { theme: 'something_good' }, new Date()).statements).toHaveLength(
			1
		);
		expect(workerInbox(db, sam, { youngPersonId: tyler }, new Date()).statements).toHaveLength(0);
		expect(old.ok).toBe(true);
	});

	it('gives managers every open alert and unanswered statement with how long each waited', () => {
		const { db, sam, holly, maya, tyler } = council();
		const answered = feeling(db, maya, sam, 'key-00000040');
		addMessage(
			db,
			{ statementId: answered.ok ? answered.id : '', authorId: sam, body: 'Hi', clientKey: 'x1' },
			later(1)
		);
		feeling(db, tyler, holly, 'key-00000041');
		const { id } = raiseSafetyAlert(db, { youngPersonId: tyler, clientKey: 'tap-40' }, later(5));
		const view = teamWaiting(db, later(65));
		expect(view.unanswered.map((s) => [s.name, s.recipient, s.waitingMinutes])).toEqual([
			['tyler', 'holly', 65]
		]);
		expect(view.alerts.map((a) => [a.id, a.waitingMinutes])).toEqual([[id, 60]]);
	});
});

describe('counts for the Board', () => {
	it('counts by template and theme per month, and nothing else', () => {
		const { db, sam, maya } = council();
		feeling(db, maya, sam, 'key-00000050');
		feeling(db, maya, sam, 'key-00000051', { feelings: ['unsafe'] });
		const counts = statementCounts(db, 2, T0);
		expect(counts.months).toEqual(['2026-10', '2026-11']);
		expect(counts.byTemplate).toEqual([{ key: 'feeling', month: '2026-11', count: 2 }]);
		expect(counts.byTheme).toEqual(
			expect.arrayContaining([
				{ key: 'feelings', month: '2026-11', count: 2 },
				{ key: 'safety', month: '2026-11', count: 1 }
			])
		);
		expect(Object.keys(counts.byTemplate[0]).sort()).toEqual(['count', 'key', 'month']);
	});

	it('tells the worker, marked, when home is unhappy, and raises no safety alert', () => {
		const { db, sam, maya, duty } = council();
		const sent = sendStatement(
			db,
			{
				youngPersonId: maya,
				template: 'home',
				answers: { mood: 'sad', home_is: ['unhappy_here'] },
				recipientId: sam,
				clientKey: 'key-00000031'
			},
			T0
		);
		expect(sent).toMatchObject({ ok: true, alertId: null });
		expect(db.select().from(safetyAlerts).all()).toEqual([]);
		expect(noticesFor(db, sam).map((n) => n.kind)).toEqual(['unhappy_home']);
		expect(noticesFor(db, duty)).toEqual([]);
		const thread = statementThread(db, sent.ok ? sent.id : '')!;
		expect(thread.signals).toEqual([{ signal: 'unhappy_home', choice: 'unhappy_here' }]);
		expect(thread.themes).toContain('home');
	});

	it('stores each picture feeling with the mood Hearth gives it, whatever mood was sent', () => {
		const { db, sam, maya } = council();
		EXPRESS_FEELINGS.filter((feeling) => feeling !== 'scared').forEach((feeling, i) => {
			const sent = submitStatement(
				db,
				maya,
				'express',
				{
					answers: { feeling: [feeling], want: ['hug'], mood: 'great' },
					recipientId: sam,
					clientKey: `picture-${feeling}`
				},
				later(i)
			);
			const thread = statementThread(db, sent.ok ? sent.id : '')!;
			expect(thread.answers, feeling).toEqual(expressAnswers(feeling, 'hug'));
			expect(thread.answers.mood, feeling).toBe(EXPRESS_MOOD[feeling]);
		});
		// No feeling it knows: no mood, and the form says what is missing.
		const odd = submitStatement(
			db,
			maya,
			'express',
			{ answers: { feeling: ['bored'], mood: 'great' }, recipientId: sam, clientKey: 'picture-x' },
			later(20)
		);
		expect(odd.ok).toBe(false);
	});

	it('raises the alert at the Scared tap, once, and the picture sent later joins it', () => {
		const { db, sam, maya } = council();
		const first = raisePictureAlert(db, maya, 'round-000001', T0);
		// A second tap, or Back and a fresh page with a new key: the open alert, not another.
		expect(raisePictureAlert(db, maya, 'round-000001', later(1))).toEqual(first);
		expect(raisePictureAlert(db, maya, 'round-000002', later(1))).toEqual(first);
		expect(db.select().from(safetyAlerts).all()).toHaveLength(1);
		expect(safetyAlert(db, first.alertId)!.source).toBe('picture');
		const sent = submitStatement(
			db,
			maya,
			'express',
			{
				answers: { feeling: ['scared'], want: ['talk'] },
				recipientId: sam,
				clientKey: first.roundKey
			},
			later(2)
		);
		expect(sent).toMatchObject({ ok: true, alertId: first.alertId });
		expect(db.select().from(safetyAlerts).all()).toHaveLength(1);
		expect(safetyAlert(db, first.alertId)!.statementId).toBe(sent.ok ? sent.id : '');
		// Once sent, the next Scared tap is a new alert.
		expect(raisePictureAlert(db, maya, 'round-000003', later(3)).alertId).not.toBe(first.alertId);
	});
});
