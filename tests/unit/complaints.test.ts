import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
	agreesToShareWithAdvocacy,
	complaintClock,
	stageOneDueOn,
	wantsAnAdvocate,
	wantsToComplain,
	workingDaysLeft
} from '$lib/domain/complaints';
import { can, type Role } from '$lib/domain/roles';
import type { Answers } from '$lib/domain/voice';
import type { Db } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';
import { advocacyRequests, auditLog, complaints, notices } from '$lib/server/db/schema';
import { DEFAULT_SETTINGS, saveCouncilSettings } from '$lib/server/council/settings';
import {
	advocacyRequestList,
	answerComplaint,
	complaintClockOfStatement,
	complaintDetail,
	complaintForYoungPerson,
	complaintsInbox,
	extendComplaint,
	markAdvocacyPassedOn
} from '$lib/server/voice/complaints';
import { sendStatement } from '$lib/server/voice/statements';
import { settingsSchema } from '$lib/server/accounts/admin-schemas';
import { freshDb, makeStaff, makeYoungPerson } from './db';

// The route modules use the app's one database: point it at a fresh folder before it opens.
process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'hearth-complaints-'));
const { getDb } = await import('$lib/server/db');
const complaintPage = await import('../../src/routes/work/complaints/[id]/+page.server');
const complaintsPage = await import('../../src/routes/work/complaints/+page.server');
const messagePage = await import('../../src/routes/me/messages/[id]/+page.server');

describe('the stage-1 clock (Children Act 1989 Representations Procedure (England) Regulations 2006)', () => {
	it.each([
		['a Monday', '2026-11-02', '2026-11-16'],
		['a Friday', '2026-11-06', '2026-11-20'],
		['a Saturday: the count starts on Monday', '2026-11-07', '2026-11-20'],
		[
			'before Christmas: Christmas Day, Boxing Day (moved to Monday) and New Year',
			'2026-12-18',
			'2027-01-06'
		],
		['before Easter: Good Friday and Easter Monday', '2027-03-25', '2027-04-12']
	])(
		'reg 14: the answer is due 10 working days (reg 2) after a complaint received on %s',
		(_, receivedOn, dueOn) => {
			expect(stageOneDueOn(receivedOn, false)).toBe(dueOn);
		}
	);

	it.each([
		['a Monday', '2026-11-02', '2026-11-30'],
		['before Christmas', '2026-12-18', '2027-01-20']
	])(
		'reg 14: extended, the answer is due 20 working days after one received on %s',
		(_, receivedOn, dueOn) => {
			expect(stageOneDueOn(receivedOn, true)).toBe(dueOn);
		}
	);

	it.each([
		// [today, due, working days left]
		['2026-11-13', '2026-11-16', 1], // Friday, due Monday: the weekend is not counted
		['2026-11-16', '2026-11-16', 0],
		['2026-11-17', '2026-11-16', -1],
		['2026-11-21', '2026-11-20', 0], // the Saturday after: no working day has passed yet
		['2026-11-02', '2026-11-16', 10]
	])('reg 2: from %s to a due day of %s is %i working days', (today, dueOn, left) => {
		expect(workingDaysLeft(today, dueOn)).toBe(left);
	});

	it.each([
		['not on the day it is due', '2026-11-02', '2026-11-16', false],
		['on the working day after', '2026-11-02', '2026-11-17', true],
		['on the Saturday after a Friday due day', '2026-11-06', '2026-11-21', true]
	])(
		'reg 14: an unanswered complaint is overdue %s (received %s, today %s)',
		(_, receivedOn, today, overdue) => {
			const clock = complaintClock({ receivedOn, extended: false, answeredOn: null }, today);
			expect(clock.overdue).toBe(overdue);
		}
	);

	it('reg 14: an extension moves the due day from 10 to 20 working days, so it is no longer overdue', () => {
		const open = complaintClock(
			{ receivedOn: '2026-11-02', extended: false, answeredOn: null },
			'2026-11-20'
		);
		expect(open).toMatchObject({ dueOn: '2026-11-16', overdue: true, daysLeft: -4 });
		const extended = complaintClock(
			{ receivedOn: '2026-11-02', extended: true, answeredOn: null },
			'2026-11-20'
		);
		expect(extended).toMatchObject({
			dueOn: '2026-11-30',
			overdue: false,
			stage: 'extended',
			daysLeft: 6
		});
	});

	it('reg 14: an answer stops the clock, and says whether it came after the due day', () => {
		const inTime = complaintClock(
			{ receivedOn: '2026-11-02', extended: false, answeredOn: '2026-11-16' },
			'2026-12-30'
		);
		expect(inTime).toMatchObject({
			stage: 'answered',
			overdue: false,
			answeredLate: false,
			daysLeft: null
		});
		const late = complaintClock(
			{ receivedOn: '2026-11-02', extended: false, answeredOn: '2026-11-17' },
			'2026-12-30'
		);
		expect(late.answeredLate).toBe(true);
	});
});

describe('what the young person asked for', () => {
	it.each<[string, Answers, boolean, boolean, boolean]>([
		['to complain', { want: ['complain'] }, true, false, false],
		[
			'an advocate, and yes to passing it on',
			{ want: ['advocate'], share: ['share_yes'] },
			false,
			true,
			true
		],
		['an advocate, and no', { want: ['advocate'], share: ['share_no'] }, false, true, false],
		['an advocate, and no answer (the most private)', { want: ['advocate'] }, false, true, false],
		['both, and yes', { want: ['both'], share: ['share_yes'] }, true, true, true],
		[
			'to complain, with a yes that means nothing without an advocate',
			{ want: ['complain'], share: ['share_yes'] },
			true,
			false,
			false
		]
	])('%s', (_, answers, complaint, advocate, share) => {
		expect(wantsToComplain(answers)).toBe(complaint);
		expect(wantsAnAdvocate(answers)).toBe(advocate);
		expect(agreesToShareWithAdvocacy(answers)).toBe(share);
	});
});

describe('who handles complaints (reg 10: the council appoints a complaints manager)', () => {
	it.each<[Role, boolean]>([
		['complaints_manager', true],
		['worker', false],
		['iro', false],
		['manager', false],
		['participation_officer', false],
		['admin', false],
		['young_person', false]
	])('%s: handles complaints %s', (role, allowed) => {
		expect(can([role], 'handleComplaints')).toBe(allowed);
	});

	it('gives the complaints manager the staff area but not young people’s records', () => {
		expect(can(['complaints_manager'], 'useWorkArea')).toBe(true);
		expect(can(['complaints_manager'], 'openRecords')).toBe(false);
	});
});

describe('the advocacy service in the council settings', () => {
	const form = {
		name: 'Testshire',
		primaryColour: '#1f5f5b',
		accentColour: '#b4451f',
		phone: '',
		outOfHoursPhone: '',
		email: '',
		quickExitUrl: 'https://www.bbc.co.uk/weather',
		alertMinutes: '30',
		smallNumberThreshold: '6',
		staffIdleMinutes: '30',
		staffSessionHours: '12',
		requireSecondFactor: false,
		retentionMonths: '24',
		removeLogo: false
	};

	it('keeps its name, phone and email, and empty boxes as none', () => {
		const filled = settingsSchema.safeParse({
			...form,
			advocacyName: ' Testshire Advocacy ',
			advocacyPhone: '01632 960 450',
			advocacyEmail: 'help@advocacy.example'
		});
		expect(filled.success && filled.data).toMatchObject({
			advocacyName: 'Testshire Advocacy',
			advocacyPhone: '01632 960 450',
			advocacyEmail: 'help@advocacy.example'
		});
		const empty = settingsSchema.safeParse({
			...form,
			advocacyName: '',
			advocacyPhone: '',
			advocacyEmail: ''
		});
		expect(empty.success && empty.data).toMatchObject({
			advocacyName: null,
			advocacyPhone: null,
			advocacyEmail: null
		});
	});

	it('refuses a phone or email nobody could use, each at its own box', () => {
		const bad = settingsSchema.safeParse({
			...form,
			advocacyName: 'Testshire Advocacy',
			advocacyPhone: 'ring us',
			advocacyEmail: 'not an address'
		});
		expect(bad.success).toBe(false);
		const paths = bad.error!.issues.map((issue) => issue.path.join('.')).sort();
		expect(paths).toEqual(['advocacyEmail', 'advocacyPhone']);
	});
});

const T0 = new Date('2026-11-02T10:00:00Z'); // a Monday
/** When the young people and their links began. */
const SINCE = new Date('2026-01-01T10:00:00Z');

function council(db: Db) {
	saveCouncilSettings(
		db,
		null,
		{
			name: 'Testshire',
			...DEFAULT_SETTINGS,
			phone: null,
			outOfHoursPhone: null,
			email: null,
			advocacyName: 'Testshire Advocacy',
			advocacyPhone: '01632 960 450',
			advocacyEmail: null
		},
		T0
	);
	const sam = makeStaff(db, 'sam', ['worker']);
	const holly = makeStaff(db, 'holly', ['worker']);
	const tom = makeStaff(db, 'tom', ['complaints_manager']);
	const maya = makeYoungPerson(
		db,
		'maya',
		[{ staffUserId: sam, linkType: 'social_worker' }],
		SINCE
	);
	const tyler = makeYoungPerson(
		db,
		'tyler',
		[{ staffUserId: holly, linkType: 'social_worker' }],
		SINCE
	);
	return { sam, holly, tom, maya, tyler };
}

function complain(
	db: Db,
	youngPersonId: string,
	recipientId: string,
	answers: Answers,
	key: string,
	now = T0
) {
	const sent = sendStatement(
		db,
		{ youngPersonId, template: 'complain', answers, recipientId, clientKey: key },
		now
	);
	if (!sent.ok) throw new Error('not sent');
	return sent.id;
}

const kindsFor = (db: Db, userId: string) =>
	db
		.select({ kind: notices.kind })
		.from(notices)
		.where(eq(notices.userId, userId))
		.all()
		.map((row) => row.kind)
		.sort();

describe('a complaint reaches the complaints manager', () => {
	it('goes to the complaints manager and the chosen worker, nobody else, on the clock from the day it is sent', () => {
		const db = freshDb();
		const { sam, holly, tom, maya } = council(db);
		const statementId = complain(
			db,
			maya,
			sam,
			{ want: ['complain'], more: 'Nobody listens' },
			'k1'
		);
		const complaint = db
			.select()
			.from(complaints)
			.where(eq(complaints.statementId, statementId))
			.get()!;
		expect(complaint).toMatchObject({
			youngPersonId: maya,
			receivedOn: '2026-11-02',
			answeredAt: null
		});
		expect(kindsFor(db, tom)).toEqual(['complaint_received']);
		expect(kindsFor(db, sam)).toEqual(['new_message']);
		expect(kindsFor(db, holly)).toEqual([]);
		expect(db.select().from(advocacyRequests).all()).toEqual([]);
		// Sent twice (a retry): one complaint.
		complain(db, maya, sam, { want: ['complain'], more: 'Nobody listens' }, 'k1');
		expect(db.select().from(complaints).all()).toHaveLength(1);
	});

	it('shows the complaints manager the clock, soonest due first, overdue flagged', () => {
		const db = freshDb();
		const { sam, holly, maya, tyler } = council(db);
		complain(db, maya, sam, { want: ['complain'] }, 'old', new Date('2026-10-01T10:00:00Z'));
		complain(db, tyler, holly, { want: ['both'], share: ['share_no'] }, 'new');
		const inbox = complaintsInbox(db, '2026-11-03');
		expect(inbox.open.map((row) => [row.name, row.clock.dueOn, row.clock.overdue])).toEqual([
			['maya', '2026-10-15', true],
			['tyler', '2026-11-16', false]
		]);
		expect(inbox.answered).toEqual([]);
	});

	it('lets the complaints manager extend once and answer once; the young person hears of each', () => {
		const db = freshDb();
		const { sam, tom, maya } = council(db);
		const statementId = complain(db, maya, sam, { want: ['complain'] }, 'k1');
		const id = db.select().from(complaints).get()!.id;
		expect(complaintForYoungPerson(db, statementId, '2026-11-02').complaint).toMatchObject({
			dueOn: '2026-11-16',
			extended: false,
			answeredOn: null
		});

		expect(
			extendComplaint(db, { complaintId: id, byId: tom, reason: 'Waiting for the school' }, T0)
		).toEqual({ ok: true });
		expect(extendComplaint(db, { complaintId: id, byId: tom, reason: 'Again' }, T0)).toEqual({
			ok: false,
			reason: 'extended'
		});
		expect(complaintForYoungPerson(db, statementId, '2026-11-02').complaint).toMatchObject({
			dueOn: '2026-11-30',
			extended: true
		});
		expect(complaintDetail(db, id, '2026-11-02')!.extensionReason).toBe('Waiting for the school');
		// Her worker, who has the statement, sees where the clock stands too.
		expect(complaintClockOfStatement(db, statementId, '2026-11-02')!.clock).toMatchObject({
			dueOn: '2026-11-30',
			stage: 'extended'
		});

		const answeredAt = new Date('2026-11-20T10:00:00Z');
		expect(
			answerComplaint(
				db,
				{ complaintId: id, byId: tom, answer: 'We are sorry. Sam will visit weekly.' },
				answeredAt
			)
		).toEqual({ ok: true });
		expect(
			answerComplaint(db, { complaintId: id, byId: tom, answer: 'Twice' }, answeredAt)
		).toEqual({
			ok: false,
			reason: 'answered'
		});
		expect(complaintForYoungPerson(db, statementId, '2026-11-20').complaint).toMatchObject({
			answeredOn: '2026-11-20',
			answer: 'We are sorry. Sam will visit weekly.'
		});
		// The answer is sealed at rest, like the young person's words.
		expect(db.select().from(complaints).get()!.answerSealed).not.toContain('sorry');
		expect(kindsFor(db, maya)).toEqual(['complaint_update', 'complaint_update']);
		expect(complaintsInbox(db, '2026-11-20').answered).toHaveLength(1);
	});
});

describe('"I want an advocate" reaches the advocacy service only with the young person’s yes', () => {
	it('records a request and tells the complaints manager when they say yes', () => {
		const db = freshDb();
		const { sam, tom, maya } = council(db);
		const statementId = complain(
			db,
			maya,
			sam,
			{ want: ['advocate'], share: ['share_yes'], more: 'Help me at my review' },
			'k1'
		);
		expect(kindsFor(db, tom)).toEqual(['advocacy_request']);
		expect(db.select().from(complaints).all()).toEqual([]);
		const [request] = advocacyRequestList(db);
		expect(request).toMatchObject({
			name: 'maya',
			words: 'Help me at my review',
			passedOnAt: null
		});
		expect(complaintForYoungPerson(db, statementId, '2026-11-02').advocacy).toEqual({
			passedOn: false
		});
		expect(markAdvocacyPassedOn(db, { requestId: request.id, byId: tom }, T0)).toEqual({
			changed: true
		});
		expect(markAdvocacyPassedOn(db, { requestId: request.id, byId: tom }, T0)).toEqual({
			changed: false
		});
		expect(complaintForYoungPerson(db, statementId, '2026-11-02').advocacy).toEqual({
			passedOn: true
		});
	});

	it.each<[string, Answers]>([
		['they say no', { want: ['advocate'], share: ['share_no'] }],
		['they do not answer', { want: ['advocate'] }]
	])('passes nothing on when %s: only their worker has it', (_, answers) => {
		const db = freshDb();
		const { sam, tom, maya } = council(db);
		complain(db, maya, sam, answers, 'k1');
		expect(db.select().from(advocacyRequests).all()).toEqual([]);
		expect(kindsFor(db, tom)).toEqual([]);
		expect(kindsFor(db, sam)).toEqual(['new_message']);
	});
});

// The routes, as SvelteKit calls them, on the app's own database.
function eventFor(
	user: SessionUser,
	pathname: string,
	params: Record<string, string>,
	form?: Record<string, string>
) {
	const body = new FormData();
	for (const [name, value] of Object.entries(form ?? {})) body.append(name, value);
	return {
		locals: { user, session: null, pending: null, locked: null, endedBecause: null },
		url: new URL(`http://localhost${pathname}`),
		params,
		request: new Request(`http://localhost${pathname}`, { method: 'POST', body }),
		getClientAddress: () => '127.0.0.1'
	} as never;
}
const person = (id: string, roles: Role[]): SessionUser => ({
	id,
	username: id,
	displayName: id,
	roles
});

async function statusOf(run: () => unknown): Promise<number | 'allowed'> {
	try {
		const result = await run();
		const status = (result as { status?: number } | undefined)?.status;
		return typeof status === 'number' && status >= 400 ? status : 'allowed';
	} catch (thrown) {
		return (thrown as { status: number }).status;
	}
}

describe('who may read a complaint (refused sides)', () => {
	const db = getDb();
	const { sam, holly, tom, maya, tyler } = council(db);
	const manager = makeStaff(db, 'nadia', ['manager']);
	const statementId = complain(
		db,
		maya,
		sam,
		{ want: ['complain'], more: 'MAYA-complaint' },
		'route-1'
	);
	const id = db.select().from(complaints).where(eq(complaints.statementId, statementId)).get()!.id;
	const path = `/work/complaints/${id}`;

	it.each<[string, () => SessionUser, number | 'allowed']>([
		['the complaints manager', () => person(tom, ['complaints_manager']), 'allowed'],
		[
			'her own worker (linked): the complaint is the complaints manager’s',
			() => person(sam, ['worker']),
			403
		],
		['a worker not linked to her', () => person(holly, ['worker']), 403],
		[
			'a manager, who may open her record but does not handle complaints',
			() => person(manager, ['manager']),
			403
		],
		['another young person', () => person(tyler, ['young_person']), 403],
		[
			'the young person herself (she reads it on her own page)',
			() => person(maya, ['young_person']),
			403
		]
	])('%s', async (_, who, expected) => {
		expect(await statusOf(() => complaintPage.load(eventFor(who(), path, { id })))).toBe(expected);
		expect(await statusOf(() => complaintsPage.load(eventFor(who(), '/work/complaints', {})))).toBe(
			expected
		);
	});

	it('refuses a worker’s extension or answer before reading it, and changes nothing', async () => {
		const worker = person(sam, ['worker']);
		for (const name of ['extend', 'answer'] as const)
			expect(
				await statusOf(() =>
					complaintPage.actions[name](eventFor(worker, path, { id }, { reason: 'x', answer: 'x' }))
				)
			).toBe(403);
		expect(db.select().from(complaints).where(eq(complaints.id, id)).get()).toMatchObject({
			extendedAt: null,
			answeredAt: null
		});
	});

	it('writes every reading and change by the complaints manager to the audit log, about her', async () => {
		const cm = person(tom, ['complaints_manager']);
		await complaintPage.load(eventFor(cm, path, { id }));
		await complaintPage.actions.extend(
			eventFor(cm, path, { id }, { reason: 'Waiting for school' })
		);
		const logged = db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.actorId, tom), eq(auditLog.subjectUserId, maya)))
			.all()
			.map((row) => row.action);
		expect(logged).toContain('complaint.viewed');
		expect(logged).toContain('complaint.extended');
	});

	it('keeps an empty answer from being sent, with a message', async () => {
		const cm = person(tom, ['complaints_manager']);
		const result = (await complaintPage.actions.answer(
			eventFor(cm, path, { id }, { answer: '  ' })
		)) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(result.status).toBe(400);
		expect(result.data.errors.answer).toBeTruthy();
	});

	it('shows a young person her own complaint’s date, and another young person nothing (404)', async () => {
		const own = (await messagePage.load(
			eventFor(person(maya, ['young_person']), `/me/messages/${statementId}`, { id: statementId })
		)) as { complaint: { complaint: { dueOn: string } } };
		expect(own.complaint.complaint.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(
			await statusOf(() =>
				messagePage.load(
					eventFor(person(tyler, ['young_person']), `/me/messages/${statementId}`, {
						id: statementId
					})
				)
			)
		).toBe(404);
	});
});
