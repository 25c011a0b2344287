import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { saveCouncilSettings, DEFAULT_SETTINGS } from '$lib/server/council/settings';
import { addMessage, sendStatement } from '$lib/server/voice/statements';
import { recordAudit } from '$lib/server/audit/log';
import { setAccountDisabled } from '$lib/server/accounts/accounts';
import {
	erasePerson,
	eraseExpired,
	personalRecord,
	recordAsText
} from '$lib/server/privacy/records';
import {
	auditLog,
	sessions,
	statementMessages,
	statements,
	users,
	youngPeople
} from '$lib/server/db/schema';
import { runDailyCleanup } from '$lib/server/jobs/cleanup';
import { freshDb, makeStaff, makeYoungPerson } from './db';

const T0 = new Date('2026-03-02T10:00:00Z');

function council() {
	const db = freshDb();
	saveCouncilSettings(
		db,
		null,
		{
			name: 'Testshire',
			...DEFAULT_SETTINGS,
			phone: null,
			outOfHoursPhone: null,
			email: null
		},
		new Date()
	);
	const sam = makeStaff(db, 'sam', ['worker']);
	const admin = makeStaff(db, 'priya', ['admin']);
	const since = new Date('2026-01-01T00:00:00Z');
	const maya = makeYoungPerson(
		db,
		'maya',
		[{ staffUserId: sam, linkType: 'social_worker' }],
		since
	);
	const tyler = makeYoungPerson(
		db,
		'tyler',
		[{ staffUserId: sam, linkType: 'social_worker' }],
		since
	);
	const sent = sendStatement(
		db,
		{
			youngPersonId: maya,
			template: 'feeling',
			answers: { mood: 'sad', feelings: ['tired'], more: 'I miss my brother' },
			recipientId: sam,
			clientKey: 'key-privacy-1'
		},
		T0
	);
	if (!sent.ok) throw new Error('not sent');
	addMessage(
		db,
		{
			statementId: sent.id,
			authorId: sam,
			body: 'I will ring you tonight.',
			clientKey: 'key-privacy-2'
		},
		T0
	);
	recordAudit(db, { actorId: sam, action: 'young_person.viewed', subjectUserId: maya }, T0);
	return { db, sam, admin, maya, tyler, statementId: sent.id };
}

const monthCount = (db: ReturnType<typeof freshDb>) =>
	db.$client.prepare('select sum(count) as n from statement_month_counts').get() as { n: number };

describe('subject access', () => {
	it('gives a young person everything about them, words opened, and nothing about anyone else', () => {
		const { db, maya, tyler } = council();
		const record = personalRecord(db, maya, T0)!;
		expect(record.account.username).toBe('maya');
		expect(record.statements).toHaveLength(1);
		expect(record.statements[0].answers).toMatchObject({ more: 'I miss my brother' });
		expect(record.statements[0].messages.map((x) => x.words)).toEqual(['I will ring you tonight.']);
		expect(record.recordOpenedBy).toEqual([{ at: T0.toISOString(), by: 'sam' }]);
		const text = recordAsText(record, { title: 'Everything' });
		expect(text).toContain('I miss my brother');
		expect(text).toContain('Staff who opened your record');
		// Plain words, not codes: a child reads this.
		expect(text).toContain('Works with you as: ');
		expect(text).toContain('How you felt: ');
		expect(text).not.toMatch(/social_worker|in_care|sentAt|2026-03-02T/);
		expect(personalRecord(db, tyler, T0)!.statements).toHaveLength(0);
		expect(JSON.stringify(personalRecord(db, tyler, T0))).not.toContain('brother');
	});
});

describe('erasure', () => {
	it('removes the name and every word, keeps the Board counts, and records who did it', () => {
		const { db, admin, maya, statementId } = council();
		const before = monthCount(db).n;
		erasePerson(db, admin, maya, 'data.erased', T0);
		const user = db.select().from(users).where(eq(users.id, maya)).get()!;
		expect(user).toMatchObject({ displayName: 'Erased', username: `erased-${maya}` });
		expect(user.erasedAt).toEqual(T0);
		expect(
			db
				.select()
				.from(statementMessages)
				.where(eq(statementMessages.statementId, statementId))
				.all()
		).toHaveLength(0);
		const record = personalRecord(db, maya, T0)!;
		expect(JSON.stringify(record)).not.toContain('brother');
		expect(record.statements[0].answers).toEqual({ erased: true });
		expect(db.select().from(statements).all()).toHaveLength(1);
		expect(monthCount(db).n).toBe(before);
		const entry = db.select().from(auditLog).where(eq(auditLog.action, 'data.erased')).get()!;
		expect(entry).toMatchObject({ actorId: admin, subjectUserId: maya });
	});

	it('erases on the retention rule: months after an account is switched off, or after 25', () => {
		const { db, admin, maya, tyler } = council();
		const old = makeYoungPerson(db, 'shannon');
		db.$client
			.prepare("update young_people set date_of_birth = '1999-01-01' where user_id = ?")
			.run(old);
		setAccountDisabled(db, admin, tyler, true, new Date('2026-01-01T00:00:00Z'));
		// 24 months after 1 January 2026 is not yet on 1 June 2026: only the one who turned 25 in January 2024 goes.
		expect(eraseExpired(db, 24, new Date('2026-06-01T00:00:00Z'))).toEqual([old]);
		expect(eraseExpired(db, 24, new Date('2028-01-02T00:00:00Z'))).toEqual([tyler]);
		// Maya, active and 14, stays; the daily job applies the council's setting.
		expect(runDailyCleanup(db, new Date('2028-01-03T00:00:00Z')).erased).toBe(0);
		expect(db.select().from(users).where(eq(users.id, maya)).get()!.erasedAt).toBeNull();
	});

	it('counts a 29 February birthday as 1 March in a year without one', () => {
		const { db } = council();
		const leap = makeYoungPerson(db, 'leap');
		db.update(youngPeople)
			.set({ dateOfBirth: '2004-02-29' })
			.where(eq(youngPeople.userId, leap))
			.run();
		// 25 on 1 March 2029: not yet on 28 February, and erased on the day.
		expect(eraseExpired(db, 0, new Date('2029-02-28T12:00:00Z'))).toEqual([]);
		expect(eraseExpired(db, 0, new Date('2029-03-01T12:00:00Z'))).toEqual([leap]);
	});

	it('keeps the day an account was switched off, and ends every session', () => {
		const { db, admin, tyler } = council();
		const switchedOff = new Date('2026-01-01T00:00:00Z');
		setAccountDisabled(db, admin, tyler, true, switchedOff);
		db.insert(sessions)
			.values({ id: 'tyler-phone', userId: tyler, expiresAt: T0, createdAt: switchedOff })
			.run();
		erasePerson(db, admin, tyler, 'data.erased', T0);
		const user = db.select().from(users).where(eq(users.id, tyler)).get()!;
		expect(user.disabledAt).toEqual(switchedOff);
		expect(user.erasedAt).toEqual(T0);
		expect(db.select().from(sessions).where(eq(sessions.userId, tyler)).all()).toEqual([]);
	});
});
