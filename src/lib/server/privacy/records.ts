import type { Db } from '../db';
import type { CareStatus, LeavingCareCategory, LinkType } from '$lib/domain/people';
import type { Condition } from '$lib/domain/offer';
import type { Role } from '$lib/domain/roles';
import {
	careStatusLabel,
	categoryLabel,
	conditionLabel,
	linkTypeLabel,
	roleLabel
} from '$lib/components/labels';
import { formatDateTime } from '$lib/utils';
import { say } from '$lib/components/say';
import { languageOf } from '$lib/domain/languages';
import { recordAudit } from '../audit/log';
import { seal, unsealOptional } from '../crypto/seal';
import { invalidateUserSessions } from '../auth/session';
import { wouldLoseAdmin, type AccountChange } from '../accounts/accounts';

/**
 * Everything Hearth holds about one person, for a subject access request: what they are asked
 * to see (their own download) and what an admin exports for the council. One function, so the
 * two can never differ. Sealed words are opened; ids are left out where a name says more.
 */
export interface PersonalRecord {
	madeAt: string;
	account: {
		username: string;
		name: string;
		roles: string[];
		createdAt: string;
		disabledAt: string | null;
	};
	profile: {
		dateOfBirth: string;
		careStatus: string;
		leavingCareCategory: string;
		conditions: unknown;
	} | null;
	workers: { name: string; as: string; from: string; until: string | null }[];
	statements: {
		sentAt: string;
		about: string;
		to: string;
		answers: unknown;
		writtenIn: string;
		madeWith: string | null;
		themes: string[];
		messages: { at: string; from: string; words: string }[];
	}[];
	unsafeAlerts: { raisedAt: string; acknowledgedAt: string | null; by: string | null }[];
	reviews: {
		number: number;
		dueOn: string;
		heldOn: string | null;
		status: string;
		yourViews: unknown;
		decisions: string | null;
		letter: string | null;
	}[];
	requests: {
		about: string;
		at: string;
		words: string | null;
		status: string;
		answer: string | null;
	}[];
	promiseRatings: { promise: string; rating: number; comment: string | null; at: string }[];
	forumIssues: {
		title: string;
		whatIsWrong: string;
		whatToChange: string;
		status: string;
		at: string;
	}[];
	issuesSupported: { title: string; at: string }[];
	devices: { label: string | null; since: string }[];
	readingChoices: {
		language: string | null;
		textSize: string;
		font: string;
		contrast: string;
		speechRate: number;
		pictureMode: string;
	} | null;
	signIns: string[];
	recordOpenedBy: { at: string; by: string }[];
}

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());
const json = (text: string | null) => {
	if (text == null) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
};

export function personalRecord(db: Db, userId: string, now: Date): PersonalRecord | null {
	const sql = db.$client;
	const all = <T>(query: string, ...params: unknown[]) => sql.prepare(query).all(...params) as T[];
	const user = sql
		.prepare(
			'select username, display_name as name, created_at as createdAt, disabled_at as disabledAt from users where id = ?'
		)
		.get(userId) as
		{ username: string; name: string; createdAt: number; disabledAt: number | null } | undefined;
	if (!user) return null;
	const roles = all<{ role: string }>('select role from user_roles where user_id = ?', userId).map(
		(r) => r.role
	);
	const profile = sql
		.prepare(
			'select date_of_birth as dateOfBirth, care_status as careStatus, leaving_care_category as leavingCareCategory, conditions from young_people where user_id = ?'
		)
		.get(userId) as
		| { dateOfBirth: string; careStatus: string; leavingCareCategory: string; conditions: string }
		| undefined;

	const statements = all<{
		id: string;
		createdAt: number;
		template: string;
		to: string;
		answers: string;
		language: string;
		madeWith: string | null;
	}>(
		`select s.id, s.created_at as createdAt, s.template, u.display_name as "to", s.answers_sealed as answers,
		 s.language, w.display_name as madeWith
		 from statements s join users u on u.id = s.recipient_id left join users w on w.id = s.made_with_id
		 where s.young_person_id = ? order by s.created_at`,
		userId
	).map((s) => ({
		sentAt: iso(s.createdAt)!,
		about: s.template,
		to: s.to,
		answers: json(unsealOptional(s.answers)),
		writtenIn: languageOf(s.language).englishName,
		madeWith: s.madeWith,
		themes: all<{ theme: string }>(
			'select theme from statement_themes where statement_id = ?',
			s.id
		).map((t) => t.theme),
		messages: all<{ at: number; from: string; body: string }>(
			`select m.created_at as at, u.display_name as "from", m.body_sealed as body
			 from statement_messages m join users u on u.id = m.author_id where m.statement_id = ? order by m.created_at`,
			s.id
		).map((m) => ({ at: iso(m.at)!, from: m.from, words: unsealOptional(m.body) ?? '' }))
	}));

	return {
		madeAt: now.toISOString(),
		account: {
			username: user.username,
			name: user.name,
			roles,
			createdAt: iso(user.createdAt)!,
			disabledAt: iso(user.disabledAt)
		},
		profile: profile ? { ...profile, conditions: json(profile.conditions) } : null,
		workers: all<{ name: string; as: string; from: string; until: string | null }>(
			`select u.display_name as name, l.link_type as "as", l.starts_on as "from", l.ends_on as "until"
			 from worker_links l join users u on u.id = l.staff_user_id where l.young_person_id = ? order by l.starts_on`,
			userId
		),
		statements,
		readingChoices:
			(sql
				.prepare(
					`select locale as language, text_size as textSize, font, contrast, speech_rate as speechRate,
					 express as pictureMode from user_preferences where user_id = ?`
				)
				.get(userId) as PersonalRecord['readingChoices'] | undefined) ?? null,
		unsafeAlerts: all<{ raisedAt: number; acknowledgedAt: number | null; by: string | null }>(
			`select a.raised_at as raisedAt, a.acknowledged_at as acknowledgedAt, u.display_name as by
			 from safety_alerts a left join users u on u.id = a.acknowledged_by where a.young_person_id = ? order by a.raised_at`,
			userId
		).map((a) => ({ raisedAt: iso(a.raisedAt)!, acknowledgedAt: iso(a.acknowledgedAt), by: a.by })),
		reviews: all<{
			number: number;
			dueOn: string;
			heldOn: string | null;
			status: string;
			views: string | null;
			decisions: string | null;
			letter: string | null;
		}>(
			`select r.number, r.due_on as dueOn, r.held_on as heldOn, r.status, c.answers_sealed as views,
			 r.decisions_sealed as decisions, r.letter_sealed as letter
			 from reviews r left join review_consultations c on c.review_id = r.id where r.young_person_id = ? order by r.due_on`,
			userId
		).map((r) => ({
			number: r.number,
			dueOn: r.dueOn,
			heldOn: r.heldOn,
			status: r.status,
			yourViews: json(unsealOptional(r.views)),
			decisions: unsealOptional(r.decisions),
			letter: unsealOptional(r.letter)
		})),
		requests: all<{
			about: string;
			at: number;
			words: string | null;
			status: string;
			answer: string | null;
		}>(
			`select e.title as about, r.created_at as at, r.message_sealed as words, r.status, r.answer_sealed as answer
			 from offer_requests r join entitlements e on e.id = r.entitlement_id where r.young_person_id = ? order by r.created_at`,
			userId
		).map((r) => ({
			about: r.about,
			at: iso(r.at)!,
			words: unsealOptional(r.words),
			status: r.status,
			answer: unsealOptional(r.answer)
		})),
		promiseRatings: all<{ promise: string; rating: number; comment: string | null; at: number }>(
			`select p.text as promise, r.rating, r.comment_sealed as comment, r.updated_at as at
			 from promise_ratings r join pledge_promises p on p.id = r.promise_id where r.young_person_id = ?`,
			userId
		).map((r) => ({ ...r, comment: unsealOptional(r.comment), at: iso(r.at)! })),
		forumIssues: all<{
			title: string;
			whatIsWrong: string;
			whatToChange: string;
			status: string;
			at: number;
		}>(
			`select coalesce(original_title, title) as title, coalesce(original_what_is_wrong, what_is_wrong) as whatIsWrong,
			 coalesce(original_what_to_change, what_to_change) as whatToChange, status, created_at as at
			 from forum_issues where raised_by = ? order by created_at`,
			userId
		).map((i) => ({ ...i, at: iso(i.at)! })),
		issuesSupported: all<{ title: string; at: number }>(
			`select i.title, s.created_at as at from issue_supports s join forum_issues i on i.id = s.issue_id where s.user_id = ?`,
			userId
		).map((s) => ({ title: s.title, at: iso(s.at)! })),
		devices: all<{ label: string | null; since: number }>(
			'select device_label as label, created_at as since from push_subscriptions where user_id = ?',
			userId
		).map((d) => ({ label: d.label, since: iso(d.since)! })),
		signIns: all<{ at: number }>(
			"select at from audit_log where actor_id = ? and action = 'signed_in' order by at",
			userId
		).map((row) => iso(row.at)!),
		recordOpenedBy: all<{ at: number; by: string }>(
			`select a.at, u.display_name as by from audit_log a join users u on u.id = a.actor_id
			 where a.subject_user_id = ? and a.action = 'young_person.viewed' order by a.at`,
			userId
		).map((row) => ({ at: iso(row.at)!, by: row.by }))
	};
}

/** Plain words for the record's field names, for the text file. */
const FIELD_WORDS: Record<string, string> = {
	username: 'Username',
	name: 'Name',
	roles: 'Roles',
	createdAt: 'Started using Hearth',
	disabledAt: 'Account closed',
	dateOfBirth: 'Date of birth',
	careStatus: 'Care',
	leavingCareCategory: 'Leaving care',
	conditions: 'What we know about your life now',
	as: 'Works with you as',
	from: 'From',
	until: 'Until',
	sentAt: 'Sent',
	about: 'About',
	to: 'To',
	answers: 'Your answers',
	writtenIn: 'Written in',
	madeWith: 'Made together with',
	language: 'Language',
	textSize: 'Size of words',
	font: 'Letters',
	contrast: 'Colours',
	speechRate: 'Read-aloud speed (%)',
	pictureMode: 'Picture mode',
	themes: 'What it was about',
	messages: 'Messages',
	at: 'When',
	words: 'Words',
	raisedAt: 'Sent',
	acknowledgedAt: 'Answered',
	by: 'By',
	number: 'Review number',
	dueOn: 'Due',
	heldOn: 'Held',
	status: 'How it stands',
	yourViews: 'What you told us for it',
	decisions: 'What was decided',
	letter: 'Your letter',
	answer: 'The answer',
	promise: 'Promise',
	rating: 'Your rating (1 to 5)',
	comment: 'What you said',
	title: 'Title',
	whatIsWrong: 'What is wrong',
	whatToChange: 'What should change',
	label: 'Device',
	since: 'Since',
	mood: 'How you felt',
	more: 'What you wrote'
};

/** Codes shown as words: care status, how a worker works with you, which form, themes, options. */
function wordsFor(field: string, value: string): string {
	if (field === 'careStatus') return careStatusLabel(value as CareStatus);
	if (field === 'leavingCareCategory') return categoryLabel(value as LeavingCareCategory);
	if (field === 'as') return linkTypeLabel(value as LinkType);
	if (field === 'conditions') return conditionLabel(value as Condition);
	if (field === 'roles') return roleLabel(value as Role);
	if (field === 'about') return say(`voice_template_${value}_title`, value);
	if (field === 'themes') return say(`voice_theme_${value}`, value);
	if (field === 'mood') return say(`voice_mood_${value}`, value);
	if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(new Date(value));
	return say(`voice_opt_${value}`, value);
}

/** The record as plain text anyone can open on any phone: headings, then one block each. */
export function recordAsText(record: PersonalRecord, labels: { title: string }): string {
	const lines: string[] = [labels.title, formatDateTime(new Date(record.madeAt)), ''];
	const describe = (value: unknown, field: string, indent: string): string => {
		if (value === null || value === undefined || value === '') return '-';
		if (Array.isArray(value))
			return value.length
				? value.map((item) => `\n${indent}- ${describe(item, field, indent + '  ')}`).join('')
				: '-';
		if (typeof value === 'object')
			return Object.entries(value as Record<string, unknown>)
				.map(
					([key, item]) =>
						`\n${indent}${FIELD_WORDS[key] ?? key}: ${describe(item, key, indent + '  ')}`
				)
				.join('');
		return wordsFor(field, String(value));
	};
	const section = (heading: string, items: unknown[]) => {
		lines.push(heading, '='.repeat(heading.length));
		if (!items.length) lines.push('(nothing)');
		for (const item of items) lines.push(describe(item, '', '').trimStart(), '');
		lines.push('');
	};
	section('Your account', [record.account]);
	section('About you', record.profile ? [record.profile] : []);
	section('Your workers', record.workers);
	section('What you told us', record.statements);
	section('"I feel unsafe" alerts', record.unsafeAlerts);
	section('Your reviews', record.reviews);
	section('What you asked for from the Local Offer', record.requests);
	section('How you rated our promises', record.promiseRatings);
	section('Issues you raised in your forum', record.forumIssues);
	section('Issues you supported', record.issuesSupported);
	section('Phones and computers getting notifications', record.devices);
	section('How you like to read Hearth', record.readingChoices ? [record.readingChoices] : []);
	section('When you signed in', record.signIns);
	section('Staff who opened your record', record.recordOpenedBy);
	return lines.join('\n');
}

/**
 * Erase a person: their name, username and every word they or staff wrote to them are gone;
 * what remains is a row with no name, so the Board's past counts stay true. The audit log keeps
 * that it happened and who did it (it cannot be changed or deleted). Refused when it would
 * erase the actor themselves or the last administrator (`wouldLoseAdmin`).
 */
export function erasePerson(
	db: Db,
	actorId: string | null,
	userId: string,
	how: 'data.erased' | 'data.expired',
	now: Date
): AccountChange {
	const sql = db.$client;
	const erasedWords = seal(JSON.stringify({ erased: true }));
	const refused = db.transaction((tx) => {
		if (wouldLoseAdmin(tx, actorId, userId, 'erase')) return true;
		const run = (query: string, ...params: unknown[]) => sql.prepare(query).run(...params);
		run(
			'delete from statement_messages where statement_id in (select id from statements where young_person_id = ?)',
			userId
		);
		run('update statements set answers_sealed = ? where young_person_id = ?', erasedWords, userId);
		run(
			'update reviews set decisions_sealed = null, letter_sealed = null where young_person_id = ?',
			userId
		);
		run(
			'delete from review_consultations where review_id in (select id from reviews where young_person_id = ?)',
			userId
		);
		run(
			'update offer_requests set message_sealed = null, answer_sealed = null where young_person_id = ?',
			userId
		);
		run('update promise_ratings set comment_sealed = null where young_person_id = ?', userId);
		run(
			`update forum_issues set named = 0, original_title = null, original_what_is_wrong = null,
			 original_what_to_change = null where raised_by = ?`,
			userId
		);
		run('delete from worker_links where young_person_id = ?', userId);
		for (const table of [
			'forum_members',
			'notices',
			'push_subscriptions',
			'notice_preferences',
			'user_preferences',
			'recovery_codes',
			'user_roles'
		])
			run(`delete from ${table} where user_id = ?`, userId);
		run(
			`update users set display_name = 'Erased', username = 'erased-' || id, password_hash = '!',
			 totp_key_sealed = null, totp_enabled_at = null, disabled_at = coalesce(disabled_at, ?), erased_at = ?
			 where id = ?`,
			now.getTime(),
			now.getTime(),
			userId
		);
		recordAudit(tx, { actorId, action: how, subjectUserId: userId }, now);
		return false;
	});
	if (refused) return { ok: false, refused: 'keeps_an_admin' };
	invalidateUserSessions(db, userId);
	return { ok: true };
}

/**
 * The retention rule: a young person's words are erased `months` after their account was
 * switched off, or after their 25th birthday, whichever comes first. Returns who was erased.
 */
export function eraseExpired(db: Db, months: number, now: Date): string[] {
	const cutoff = new Date(now);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
	const cutoffDay = cutoff.toISOString().slice(0, 10);
	const due = db.$client
		.prepare(
			`select u.id from users u join young_people p on p.user_id = u.id
			 where u.erased_at is null and (
			   (u.disabled_at is not null and u.disabled_at <= ?)
			   or date(p.date_of_birth, '+25 years') <= ?
			 )`
		)
		.all(cutoff.getTime(), cutoffDay) as { id: string }[];
	return due
		.filter(({ id }) => erasePerson(db, null, id, 'data.expired', now).ok)
		.map((row) => row.id);
}
