import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	chooseLanguage,
	isSafetyMessage,
	parseAcceptLanguage,
	SHIPPED_LANGUAGES
} from '$lib/domain/languages';
import { expressModeOn } from '$lib/domain/reading';
import { overlay, translationState } from '$lib/domain/translations';
import {
	TEMPLATES,
	answersSchema,
	expressAnswers,
	raisesSafetyAlert,
	templatesFor
} from '$lib/domain/voice';
import { auditLog, sessions, statements, users, youngPeople } from '$lib/server/db/schema';
import { hashPassword } from '$lib/server/auth/password';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { endWithMe, startWithMe, withMeNow, WITH_ME_MS } from '$lib/server/auth/with-me';
import { expressState, saveOwnChoices, setExpress } from '$lib/server/preferences/express';
import {
	disableLanguage,
	enableLanguage,
	enabledLanguages
} from '$lib/server/preferences/languages';
import { preferencesOf, savePreferences } from '$lib/server/preferences/preferences';
import { safetyWords } from '$lib/server/preferences/safety-words';
import { offer, pledge } from '$lib/server/offer/content';
import { insertDemoContent } from '$lib/server/demo/content';
import { saveTranslation, translationList } from '$lib/server/offer/translations';
import { savePromise } from '$lib/server/offer/editing';
import { submitStatement } from '$lib/server/voice/submit';
import { statementThread } from '$lib/server/voice/statements';
import { workerInbox } from '$lib/server/voice/inbox';
import { freshDb, makeStaff, makeYoungPerson } from './db';

const T0 = new Date('2026-11-22T10:00:00Z');

describe('choosing a language', () => {
	const on = ['en', 'cy', 'ar'];
	it('takes the person’s choice, then the device’s, then a hint, then the browser’s', () => {
		expect(chooseLanguage(on, 'ar', 'cy', 'cy', 'cy')).toBe('ar');
		expect(chooseLanguage(on, null, 'cy', 'ar', 'ar')).toBe('cy');
		expect(chooseLanguage(on, null, null, 'cy', 'ar')).toBe('ar');
		expect(chooseLanguage(on, null, null, 'fr-FR, cy;q=0.8, ar;q=0.9')).toBe('ar');
		expect(chooseLanguage(on, null, null, null)).toBe('en');
	});
	it('never gives a language the council has not turned on, or one Hearth does not speak', () => {
		expect(chooseLanguage(['en'], 'cy', 'ar', 'cy', 'ar')).toBe('en');
		expect(chooseLanguage(['en', 'cy'], 'ps', 'xx', 'ar, ps')).toBe('en');
		expect(chooseLanguage(['en', 'cy'], 'ar', null, 'cy-GB')).toBe('cy');
	});
	it('reads Accept-Language by weight, leaving out q=0 and nonsense', () => {
		expect(parseAcceptLanguage('en-GB;q=0.5, ar, cy;q=0.7, *;q=0.1, fr;q=0')).toEqual([
			'ar',
			'cy',
			'en-GB'
		]);
		expect(parseAcceptLanguage('')).toEqual([]);
		expect(parseAcceptLanguage(';;;,q=,')).toEqual([]);
	});
});

describe('safety words', () => {
	it('include the unsafe path, who to call, quick exit and the choices that raise an alert', () => {
		for (const key of ['unsafe_button', 'unsafe_999', 'quick_exit', 'voice_opt_scared'])
			expect(isSafetyMessage(key), key).toBe(true);
		expect(isSafetyMessage('voice_opt_happy')).toBe(false);
	});
	it('are listed for checking in each shipped language, beside the English', () => {
		const welsh = safetyWords('cy');
		const button = welsh.find((word) => word.key === 'unsafe_button')!;
		expect(button).toMatchObject({
			english: 'I feel unsafe',
			translated: 'Dw i ddim yn teimlo’n ddiogel'
		});
		expect(welsh.find((word) => word.key === 'unsafe_ooh')!.translated).toContain('{phone}');
		// Every safety message has its own words in every shipped language: none falls back.
		for (const { code } of SHIPPED_LANGUAGES.filter((l) => l.code !== 'en'))
			expect(
				safetyWords(code).filter((word) => word.same && !/^[\d\s:+()]+$/.test(word.english)),
				code
			).toEqual([]);
	});
});

describe('picture mode', () => {
	it('is on by itself under 8, and follows a choice either way', () => {
		expect(expressModeOn('by_age', 6)).toBe(true);
		expect(expressModeOn('by_age', 7)).toBe(true);
		expect(expressModeOn('by_age', 8)).toBe(false);
		expect(expressModeOn('by_age', null)).toBe(false);
		expect(expressModeOn('on', 17)).toBe(true);
		expect(expressModeOn('off', 5)).toBe(false);
	});
	it('stores a feeling with its mood, and "scared" raises a safety alert', () => {
		const template = TEMPLATES.express;
		expect(answersSchema(template).safeParse(expressAnswers('happy', 'hug')).success).toBe(true);
		expect(answersSchema(template).safeParse(expressAnswers('tired', null)).success).toBe(true);
		expect(answersSchema(template).safeParse({ mood: 'good', want: ['hug'] }).success).toBe(false);
		expect(raisesSafetyAlert(template, expressAnswers('scared', 'talk'))).toBe(true);
		expect(raisesSafetyAlert(template, expressAnswers('sad', 'talk'))).toBe(false);
	});
	it('is never listed with the other forms', () => {
		expect(templatesFor('in_care').map((t) => t.id)).not.toContain('express');
	});
});

describe('council words in other languages', () => {
	it('fall back to English field by field, saying which', () => {
		const item = { id: '1', title: 'Leisure pass', summary: 'Free swimming', how: 'Ask your PA' };
		const shown = overlay(
			item,
			['title', 'summary', 'how'],
			{ title: 'Pas hamdden', how: ' ' },
			'cy'
		);
		expect(shown).toMatchObject({
			title: 'Pas hamdden',
			summary: 'Free swimming',
			lang: 'cy',
			inEnglish: false,
			englishFields: ['summary', 'how']
		});
		expect(overlay(item, ['title'], undefined, 'ar')).toMatchObject({
			lang: 'en',
			inEnglish: true
		});
		expect(overlay(item, ['title'], { title: 'x' }, 'en')).toMatchObject({
			title: 'Leisure pass',
			inEnglish: false,
			englishFields: []
		});
	});
	it('are marked to look at again once the English changes', () => {
		expect(translationState(undefined, T0)).toBe('missing');
		expect(translationState({ sourceUpdatedAt: T0 }, T0)).toBe('done');
		expect(translationState({ sourceUpdatedAt: T0 }, new Date(T0.getTime() + 1))).toBe('outdated');
	});
	it('are saved by officers, shown to readers in that language, and audited', () => {
		const db = freshDb();
		const leah = makeStaff(db, 'leah', ['participation_officer']);
		insertDemoContent(db, T0);
		const [theme] = pledge(db);
		const [promise] = theme.promises;
		expect(
			saveTranslation(
				db,
				{ type: 'promise', id: promise.id, locale: 'cy', fields: { text: 'Byddwn ni’n gofyn.' } },
				leah,
				T0
			)
		).toBe(true);
		expect(
			saveTranslation(
				db,
				{ type: 'promise', id: 'nope', locale: 'cy', fields: {} },
				leah,
				new Date()
			)
		).toBe(false);
		const welsh = pledge(db, 'cy')[0];
		expect(welsh.promises[0]).toMatchObject({
			text: 'Byddwn ni’n gofyn.',
			lang: 'cy',
			inEnglish: false
		});
		expect(welsh.promises[1]).toMatchObject({ lang: 'en', inEnglish: true });
		expect(welsh.inEnglish).toBe(true);
		// Arabic readers and English readers are not given the Welsh.
		expect(pledge(db, 'ar')[0].promises[0].text).toBe(promise.text);
		expect(pledge(db)[0].promises[0].text).toBe(promise.text);
		expect(offer(db, 'cy').every((item) => item.inEnglish)).toBe(true);

		const state = () => translationList(db, 'cy').find((item) => item.id === promise.id)!.state;
		expect(state()).toBe('done');
		savePromise(
			db,
			leah,
			{ promiseId: promise.id, themeId: theme.id, text: 'We will always ask you first.' },
			new Date(T0.getTime() + 60_000)
		);
		expect(state()).toBe('outdated');
		// Emptied, it is gone: the English shows again.
		saveTranslation(
			db,
			{ type: 'promise', id: promise.id, locale: 'cy', fields: { text: '' } },
			leah,
			new Date()
		);
		expect(state()).toBe('missing');
		const audited = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'translation.saved'))
			.all();
		expect(audited).toHaveLength(2);
	});
});

describe('languages a council turns on', () => {
	it('start with English only, and go on with the name of who checked the safety words', () => {
		const db = freshDb();
		const admin = makeStaff(db, 'admin', ['admin']);
		expect(enabledLanguages(db)).toEqual(['en']);
		enableLanguage(
			db,
			{ code: 'ar', checkedBy: 'Samira Haddad', checkedOn: '2026-11-20' },
			admin,
			T0
		);
		enableLanguage(
			db,
			{ code: 'cy', checkedBy: 'Carys Hughes', checkedOn: '2026-11-21' },
			admin,
			T0
		);
		expect(enabledLanguages(db)).toEqual(['en', 'ar', 'cy']);
		disableLanguage(db, 'ar', admin, T0);
		expect(enabledLanguages(db)).toEqual(['en', 'cy']);
		const audit = db
			.select()
			.from(auditLog)
			.all()
			.map((row) => [row.action, row.detail]);
		expect(audit).toEqual([
			['language.enabled', 'ar: safety words checked by Samira Haddad on 2026-11-20'],
			['language.enabled', 'cy: safety words checked by Carys Hughes on 2026-11-21'],
			['language.disabled', 'ar']
		]);
	});
});

describe('preferences', () => {
	it('are the plainest until chosen, and kept per person', () => {
		const db = freshDb();
		const amira = makeYoungPerson(db, 'amira');
		const tyler = makeYoungPerson(db, 'tyler');
		expect(preferencesOf(db, amira)).toMatchObject({
			locale: null,
			textSize: 'standard',
			font: 'standard',
			contrast: 'standard',
			speechRate: 100,
			express: 'by_age'
		});
		savePreferences(db, amira, { locale: 'cy', textSize: 'largest' }, amira, T0);
		savePreferences(db, amira, { contrast: 'high' }, amira, T0);
		expect(preferencesOf(db, amira)).toMatchObject({
			locale: 'cy',
			textSize: 'largest',
			contrast: 'high'
		});
		expect(preferencesOf(db, tyler).locale).toBeNull();
	});

	it('picture mode: on for a six-year-old; a worker’s change is named and audited', () => {
		const db = freshDb();
		const sam = makeStaff(db, 'sam', ['worker']);
		const leo = makeYoungPerson(db, 'leo', [{ staffUserId: sam, linkType: 'social_worker' }]);
		db.update(youngPeople)
			.set({ dateOfBirth: '2020-09-01' })
			.where(eq(youngPeople.userId, leo))
			.run();
		expect(expressState(db, leo, '2026-11-22')).toMatchObject({
			on: true,
			age: 6,
			setByName: null
		});
		setExpress(db, leo, 'off', sam, T0);
		expect(expressState(db, leo, '2026-11-22')).toMatchObject({ on: false, setByName: 'sam' });
		setExpress(db, leo, 'on', leo, T0);
		expect(expressState(db, leo, '2026-11-22')).toMatchObject({ on: true, setByName: null });
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'express.changed')).all()
		).toHaveLength(1);
		// Turning 8 with the setting left "by age" turns it off.
		setExpress(db, leo, 'by_age', leo, T0);
		expect(expressState(db, leo, '2028-09-01').on).toBe(false);
	});

	it('picture mode chosen with a worker keeps their name until the young person changes it', () => {
		const db = freshDb();
		const sam = makeStaff(db, 'sam', ['worker']);
		const leo = makeYoungPerson(db, 'leo', [{ staffUserId: sam, linkType: 'social_worker' }]);
		setExpress(db, leo, 'on', sam, T0);
		const page = {
			locale: 'cy',
			textSize: 'large',
			font: 'standard',
			contrast: 'standard',
			speechRate: 100,
			express: 'on'
		} as const;
		saveOwnChoices(db, leo, page, T0);
		expect(preferencesOf(db, leo)).toMatchObject({ locale: 'cy', textSize: 'large' });
		expect(expressState(db, leo, '2026-11-22')).toMatchObject({ setting: 'on', setByName: 'sam' });
		saveOwnChoices(db, leo, { ...page, express: 'off' }, T0);
		expect(expressState(db, leo, '2026-11-22')).toMatchObject({ setting: 'off', setByName: null });
		// Only the worker's change is audited; the young person's own is not.
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'express.changed')).all()
		).toHaveLength(1);
	});
});

describe('a worker with me', () => {
	async function council() {
		const db = freshDb();
		const sam = makeStaff(db, 'sam', ['worker']);
		const holly = makeStaff(db, 'holly', ['worker']);
		const leo = makeYoungPerson(db, 'leo', [{ staffUserId: sam, linkType: 'social_worker' }], T0);
		const passwordHash = await hashPassword('correct horse battery');
		db.update(users).set({ passwordHash }).run();
		const session = createSession(db, generateSessionToken(), leo, T0);
		return { db, sam, holly, leo, sessionId: session.id };
	}
	const attempt = (
		sessionId: string,
		youngPersonId: string,
		username: string,
		password = 'correct horse battery'
	) => ({
		sessionId,
		youngPersonId,
		username,
		password,
		address: '127.0.0.1'
	});

	it('starts only for a worker linked to the young person, with their own password', async () => {
		const { db, leo, sessionId } = await council();
		expect(await startWithMe(db, attempt(sessionId, leo, 'holly'), T0)).toEqual({
			ok: false,
			reason: 'not_linked'
		});
		expect(await startWithMe(db, attempt(sessionId, leo, 'sam', 'wrong password'), T0)).toEqual({
			ok: false,
			reason: 'wrong'
		});
		expect(await startWithMe(db, attempt(sessionId, leo, 'leo'), T0)).toEqual({
			ok: false,
			reason: 'not_linked'
		});
		expect(withMeNow(db, sessionId, leo, T0)).toBeNull();
		expect(await startWithMe(db, attempt(sessionId, leo, 'sam'), T0)).toEqual({
			ok: true,
			workerName: 'sam'
		});
		expect(withMeNow(db, sessionId, leo, T0)?.workerName).toBe('sam');
		// It is the young person's own session: no other session gains it.
		const other = createSession(db, generateSessionToken(), leo, T0);
		expect(withMeNow(db, other.id, leo, T0)).toBeNull();
	});

	it('marks what is sent as made together until it ends, or two hours pass', async () => {
		const { db, sam, leo, sessionId } = await council();
		await startWithMe(db, attempt(sessionId, leo, 'sam'), T0);
		const send = (clientKey: string, at: Date) =>
			submitStatement(
				db,
				leo,
				'express',
				{
					answers: { feeling: ['sad'], want: ['talk'] },
					recipientId: sam,
					clientKey,
					language: 'en'
				},
				at,
				withMeNow(db, sessionId, leo, at)?.workerId ?? null
			);
		const together = send('together-1', T0);
		expect(together.ok).toBe(true);
		const thread = statementThread(db, together.ok ? together.id : '')!;
		expect(thread).toMatchObject({ madeWithName: 'sam', express: true, language: 'en' });
		// Hearth fills in the mood the feeling stands for.
		expect(thread.answers).toEqual({ mood: 'sad', feeling: ['sad'], want: ['talk'] });
		const later = new Date(T0.getTime() + WITH_ME_MS + 1);
		const alone = send('alone-001', later);
		expect(statementThread(db, alone.ok ? alone.id : '')!.madeWithName).toBeNull();
		await startWithMe(db, attempt(sessionId, leo, 'sam'), later);
		endWithMe(db, sessionId, leo, later);
		expect(withMeNow(db, sessionId, leo, later)).toBeNull();
		expect(
			db.select().from(sessions).where(eq(sessions.id, sessionId)).get()?.withWorkerId
		).toBeNull();
		const actions = db
			.select()
			.from(auditLog)
			.all()
			.map((row) => row.action);
		expect(actions.filter((a) => a.startsWith('with_me'))).toEqual([
			'with_me.started',
			'with_me.started',
			'with_me.ended'
		]);
	});
});

describe('statements in other languages', () => {
	it('keep the language they were written in for the worker, and refuse a made-up one', () => {
		const db = freshDb();
		const holly = makeStaff(db, 'holly', ['worker']);
		const yusuf = makeYoungPerson(
			db,
			'yusuf',
			[{ staffUserId: holly, linkType: 'social_worker' }],
			T0
		);
		const send = (language: unknown, clientKey: string) =>
			submitStatement(
				db,
				yusuf,
				'worry',
				{
					answers: { mood: 'sad', about: ['school'], more: 'لا أفهم الدروس' },
					recipientId: holly,
					clientKey,
					language
				},
				T0
			);
		expect(send('klingon', 'made-up-1')).toMatchObject({
			ok: false,
			errors: { language: expect.any(String) }
		});
		expect(db.select().from(statements).all()).toHaveLength(0);
		const dari = send('prs', 'dari-0001');
		const arabic = send('ar', 'arabic-001');
		const unsaid = send(undefined, 'unsaid-001');
		const language = (result: typeof dari) =>
			statementThread(db, result.ok ? result.id : '')!.language;
		expect([language(dari), language(arabic), language(unsaid)]).toEqual(['prs', 'ar', 'en']);
		expect(
			workerInbox(db, holly, {}, T0)
				.statements.map((s) => s.language)
				.sort()
		).toEqual(['ar', 'en', 'prs']);
	});
});
