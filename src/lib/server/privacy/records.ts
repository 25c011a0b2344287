import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import {
	auditLog,
	entitlements,
	forumIssues,
	issueSupports,
	offerRequests,
	pledgePromises,
	promiseRatings,
	pushSubscriptions,
	reviewConsultations,
	reviews,
	safetyAlerts,
	statementMessages,
	statementThemes,
	statements,
	complaints,
	advocacyRequests,
	userPreferences,
	userRoles,
	users,
	workerLinks,
	youngPeople,
	careEpisodes
} from '../db/schema';
import {
	MAX_AGE,
	type CareStatus,
	type LeavingCareCategory,
	type LinkType
} from '$lib/domain/people';
import type { Condition, PromiseRatingValue } from '$lib/domain/offer';
import type { Role } from '$lib/domain/roles';
import {
	careStatusLabel,
	categoryLabel,
	conditionLabel,
	linkTypeLabel,
	roleLabel
} from '$lib/words/labels';
import { formatDateTime } from '$lib/utils';
import { say } from '$lib/words/say';
import { languageOf } from '$lib/domain/languages';
import { recordAudit } from '../audit/log';
import { unsealOptional } from '../crypto/seal';
import { openPlacement, type Placement } from '../people/placement';
import { eraseListedRows } from './person-data';
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
		roles: Role[];
		createdAt: string;
		disabledAt: string | null;
	};
	profile: {
		dateOfBirth: string;
		careStatus: CareStatus;
		leavingCareCategory: LeavingCareCategory | null;
		conditions: Condition[];
		councilChildId: string | null;
		placement: Placement | null;
		categoryOverrideReason: string | null;
		periodsOfCare: {
			from: string;
			until: string | null;
			legalStatus: string | null;
			placementType: string | null;
			endReason: string | null;
		}[];
	} | null;
	workers: { name: string; as: LinkType; from: string; until: string | null }[];
	statements: {
		sentAt: string;
		about: string;
		to: string;
		answers: unknown;
		writtenIn: string;
		madeWith: string | null;
		themes: string[];
		messages: { at: string; from: string; words: string }[];
		/** "I want to complain": the stage-1 clock and the council's answer. */
		complaint: {
			receivedOn: string;
			extendedBecause: string | null;
			answeredOn: string | null;
			answer: string | null;
		} | null;
		/** "I want an advocate", with their yes to passing it on: when it was passed on. */
		advocacy: { askedAt: string; passedOnAt: string | null } | null;
	}[];
	unsafeAlerts: { raisedAt: string; acknowledgedAt: string | null; by: string | null }[];
	reviews: {
		/** Only reviews of children in care are numbered and have a due date. */
		number: number | null;
		dueOn: string | null;
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
	promiseRatings: {
		promise: string;
		rating: PromiseRatingValue;
		comment: string | null;
		at: string;
	}[];
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

const iso = (at: Date) => at.toISOString();
const isoOrNull = (at: Date | null) => (at ? at.toISOString() : null);
/** Sealed answers are JSON; anything that is not (an older or hand-made row) is shown as written. */
const json = (text: string | null): unknown => {
	if (text == null) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
};

type Read<T> = (db: Db, userId: string) => T;

const readAccount: Read<PersonalRecord['account'] | null> = (db, userId) => {
	const user = db
		.select({
			username: users.username,
			name: users.displayName,
			createdAt: users.createdAt,
			disabledAt: users.disabledAt
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!user) return null;
	const roles = db
		.select({ role: userRoles.role })
		.from(userRoles)
		.where(eq(userRoles.userId, userId))
		.all()
		.map((row) => row.role);
	return {
		username: user.username,
		name: user.name,
		roles,
		createdAt: iso(user.createdAt),
		disabledAt: isoOrNull(user.disabledAt)
	};
};

const readProfile: Read<PersonalRecord['profile']> = (db, userId) => {
	const row = db.select().from(youngPeople).where(eq(youngPeople.userId, userId)).get();
	if (!row) return null;
	return {
		dateOfBirth: row.dateOfBirth,
		careStatus: row.careStatus,
		leavingCareCategory: row.leavingCareCategory,
		conditions: row.conditions,
		councilChildId: row.councilChildId,
		placement: openPlacement(row.placementSealed),
		categoryOverrideReason: unsealOptional(row.categoryOverrideReason),
		periodsOfCare: db
			.select({
				from: careEpisodes.startedOn,
				until: careEpisodes.endedOn,
				legalStatus: careEpisodes.legalStatus,
				placementType: careEpisodes.placementType,
				endReason: careEpisodes.endReason
			})
			.from(careEpisodes)
			.where(eq(careEpisodes.youngPersonId, userId))
			.orderBy(asc(careEpisodes.startedOn))
			.all()
	};
};

const readWorkers: Read<PersonalRecord['workers']> = (db, userId) =>
	db
		.select({
			name: users.displayName,
			as: workerLinks.linkType,
			from: workerLinks.startsOn,
			until: workerLinks.endsOn
		})
		.from(workerLinks)
		.innerJoin(users, eq(users.id, workerLinks.staffUserId))
		.where(eq(workerLinks.youngPersonId, userId))
		.orderBy(asc(workerLinks.startsOn))
		.all();

function complaintAbout(
	row:
		| {
				receivedOn: string;
				extensionReason: string | null;
				answeredOn: string | null;
				answer: string | null;
		  }
		| undefined
): PersonalRecord['statements'][number]['complaint'] {
	if (!row) return null;
	return {
		receivedOn: row.receivedOn,
		extendedBecause: unsealOptional(row.extensionReason),
		answeredOn: row.answeredOn,
		answer: unsealOptional(row.answer)
	};
}

function advocacyAbout(
	row: { askedAt: Date; passedOnAt: Date | null } | undefined
): PersonalRecord['statements'][number]['advocacy'] {
	if (!row) return null;
	return { askedAt: iso(row.askedAt), passedOnAt: row.passedOnAt ? iso(row.passedOnAt) : null };
}

const readStatements: Read<PersonalRecord['statements']> = (db, userId) => {
	const madeWith = alias(users, 'made_with');
	// Prepared once per download, not once per statement: building the SQL costs more than
	// running it, and a young person may have sent hundreds.
	const themesOf = db
		.select({ theme: statementThemes.theme })
		.from(statementThemes)
		.where(eq(statementThemes.statementId, sql.placeholder('statementId')))
		.prepare();
	const messagesOf = db
		.select({
			at: statementMessages.createdAt,
			from: users.displayName,
			body: statementMessages.bodySealed
		})
		.from(statementMessages)
		.innerJoin(users, eq(users.id, statementMessages.authorId))
		.where(eq(statementMessages.statementId, sql.placeholder('statementId')))
		.orderBy(asc(statementMessages.createdAt))
		.prepare();
	const complaintOf = db
		.select({
			receivedOn: complaints.receivedOn,
			extensionReason: complaints.extensionReasonSealed,
			answeredOn: complaints.answeredOn,
			answer: complaints.answerSealed
		})
		.from(complaints)
		.where(eq(complaints.statementId, sql.placeholder('statementId')))
		.prepare();
	const advocacyOf = db
		.select({ askedAt: advocacyRequests.createdAt, passedOnAt: advocacyRequests.passedOnAt })
		.from(advocacyRequests)
		.where(eq(advocacyRequests.statementId, sql.placeholder('statementId')))
		.prepare();
	return db
		.select({
			id: statements.id,
			createdAt: statements.createdAt,
			template: statements.template,
			to: users.displayName,
			answers: statements.answersSealed,
			language: statements.language,
			madeWith: madeWith.displayName
		})
		.from(statements)
		.innerJoin(users, eq(users.id, statements.recipientId))
		.leftJoin(madeWith, eq(madeWith.id, statements.madeWithId))
		.where(eq(statements.youngPersonId, userId))
		.orderBy(asc(statements.createdAt))
		.all()
		.map((statement) => ({
			sentAt: iso(statement.createdAt),
			about: statement.template,
			to: statement.to,
			answers: json(unsealOptional(statement.answers)),
			writtenIn: languageOf(statement.language).englishName,
			madeWith: statement.madeWith,
			themes: themesOf.all({ statementId: statement.id }).map((row) => row.theme),
			messages: messagesOf.all({ statementId: statement.id }).map((message) => ({
				at: iso(message.at),
				from: message.from,
				words: unsealOptional(message.body) ?? ''
			})),
			complaint: complaintAbout(complaintOf.get({ statementId: statement.id })),
			advocacy: advocacyAbout(advocacyOf.get({ statementId: statement.id }))
		}));
};

const readReadingChoices: Read<PersonalRecord['readingChoices']> = (db, userId) =>
	db
		.select({
			language: userPreferences.locale,
			textSize: userPreferences.textSize,
			font: userPreferences.font,
			contrast: userPreferences.contrast,
			speechRate: userPreferences.speechRate,
			pictureMode: userPreferences.express
		})
		.from(userPreferences)
		.where(eq(userPreferences.userId, userId))
		.get() ?? null;

const readUnsafeAlerts: Read<PersonalRecord['unsafeAlerts']> = (db, userId) =>
	db
		.select({
			raisedAt: safetyAlerts.raisedAt,
			acknowledgedAt: safetyAlerts.acknowledgedAt,
			by: users.displayName
		})
		.from(safetyAlerts)
		.leftJoin(users, eq(users.id, safetyAlerts.acknowledgedBy))
		.where(eq(safetyAlerts.youngPersonId, userId))
		.orderBy(asc(safetyAlerts.raisedAt))
		.all()
		.map((alert) => ({
			raisedAt: iso(alert.raisedAt),
			acknowledgedAt: isoOrNull(alert.acknowledgedAt),
			by: alert.by
		}));

const readReviews: Read<PersonalRecord['reviews']> = (db, userId) =>
	db
		.select({
			number: reviews.number,
			dueOn: reviews.dueOn,
			heldOn: reviews.heldOn,
			status: reviews.status,
			views: reviewConsultations.answersSealed,
			decisions: reviews.decisionsSealed,
			letter: reviews.letterSealed
		})
		.from(reviews)
		.leftJoin(reviewConsultations, eq(reviewConsultations.reviewId, reviews.id))
		.where(eq(reviews.youngPersonId, userId))
		.orderBy(asc(reviews.dueOn))
		.all()
		.map((review) => ({
			number: review.number,
			dueOn: review.dueOn,
			heldOn: review.heldOn,
			status: review.status,
			yourViews: json(unsealOptional(review.views)),
			decisions: unsealOptional(review.decisions),
			letter: unsealOptional(review.letter)
		}));

const readRequests: Read<PersonalRecord['requests']> = (db, userId) =>
	db
		.select({
			about: entitlements.title,
			at: offerRequests.createdAt,
			words: offerRequests.messageSealed,
			status: offerRequests.status,
			answer: offerRequests.answerSealed
		})
		.from(offerRequests)
		.innerJoin(entitlements, eq(entitlements.id, offerRequests.entitlementId))
		.where(eq(offerRequests.youngPersonId, userId))
		.orderBy(asc(offerRequests.createdAt))
		.all()
		.map((request) => ({
			about: request.about,
			at: iso(request.at),
			words: unsealOptional(request.words),
			status: request.status,
			answer: unsealOptional(request.answer)
		}));

const readPromiseRatings: Read<PersonalRecord['promiseRatings']> = (db, userId) =>
	db
		.select({
			promise: pledgePromises.text,
			rating: promiseRatings.rating,
			comment: promiseRatings.commentSealed,
			at: promiseRatings.updatedAt
		})
		.from(promiseRatings)
		.innerJoin(pledgePromises, eq(pledgePromises.id, promiseRatings.promiseId))
		.where(eq(promiseRatings.youngPersonId, userId))
		.all()
		.map((rating) => ({
			promise: rating.promise,
			rating: rating.rating,
			comment: unsealOptional(rating.comment),
			at: iso(rating.at)
		}));

const readForumIssues: Read<PersonalRecord['forumIssues']> = (db, userId) =>
	db
		.select()
		.from(forumIssues)
		.where(eq(forumIssues.raisedBy, userId))
		.orderBy(asc(forumIssues.createdAt))
		.all()
		// Their own words as they wrote them, before an officer took personal details out.
		.map((issue) => ({
			title: issue.originalTitle ?? issue.title,
			whatIsWrong: issue.originalWhatIsWrong ?? issue.whatIsWrong,
			whatToChange: issue.originalWhatToChange ?? issue.whatToChange,
			status: issue.status,
			at: iso(issue.createdAt)
		}));

const readIssuesSupported: Read<PersonalRecord['issuesSupported']> = (db, userId) =>
	db
		.select({ title: forumIssues.title, at: issueSupports.createdAt })
		.from(issueSupports)
		.innerJoin(forumIssues, eq(forumIssues.id, issueSupports.issueId))
		.where(eq(issueSupports.userId, userId))
		.all()
		.map((support) => ({ title: support.title, at: iso(support.at) }));

const readDevices: Read<PersonalRecord['devices']> = (db, userId) =>
	db
		.select({ label: pushSubscriptions.deviceLabel, since: pushSubscriptions.createdAt })
		.from(pushSubscriptions)
		.where(eq(pushSubscriptions.userId, userId))
		.all()
		.map((device) => ({ label: device.label, since: iso(device.since) }));

const readSignIns: Read<PersonalRecord['signIns']> = (db, userId) =>
	db
		.select({ at: auditLog.at })
		.from(auditLog)
		.where(and(eq(auditLog.actorId, userId), eq(auditLog.action, 'signed_in')))
		.orderBy(asc(auditLog.at))
		.all()
		.map((row) => iso(row.at));

const readRecordOpenedBy: Read<PersonalRecord['recordOpenedBy']> = (db, userId) =>
	db
		.select({ at: auditLog.at, by: users.displayName })
		.from(auditLog)
		.innerJoin(users, eq(users.id, auditLog.actorId))
		.where(and(eq(auditLog.subjectUserId, userId), eq(auditLog.action, 'young_person.viewed')))
		.orderBy(asc(auditLog.at))
		.all()
		.map((row) => ({ at: iso(row.at), by: row.by }));

/**
 * Everything Hearth holds about one person that they are given; null when there is no account.
 * Each part reads the tables PERSON_DATA (person-data.ts) says it shows.
 */
export function personalRecord(db: Db, userId: string, now: Date): PersonalRecord | null {
	const account = readAccount(db, userId);
	if (!account) return null;
	// The admin's JSON export keeps the order it always had, so two exports compare line by line.
	return {
		madeAt: now.toISOString(),
		account,
		profile: readProfile(db, userId),
		workers: readWorkers(db, userId),
		statements: readStatements(db, userId),
		readingChoices: readReadingChoices(db, userId),
		unsafeAlerts: readUnsafeAlerts(db, userId),
		reviews: readReviews(db, userId),
		requests: readRequests(db, userId),
		promiseRatings: readPromiseRatings(db, userId),
		forumIssues: readForumIssues(db, userId),
		issuesSupported: readIssuesSupported(db, userId),
		devices: readDevices(db, userId),
		signIns: readSignIns(db, userId),
		recordOpenedBy: readRecordOpenedBy(db, userId)
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
	councilChildId: 'Your number on the council’s records',
	placement: 'Where you live',
	address: 'Address',
	carerName: 'Who looks after you',
	carerPhone: 'Their phone',
	categoryOverrideReason: 'Why your leaving-care group was set by hand',
	periodsOfCare: 'Times you were in care',
	legalStatus: 'Legal status',
	placementType: 'Type of home',
	endReason: 'Why it ended',
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
 * what remains is a row with no name, so the Board's past counts stay true. What happens to each
 * table is PERSON_DATA's (person-data.ts) erasure rule. The audit log keeps that it happened and
 * who did it (it cannot be changed or deleted). Refused when it would erase the actor themselves
 * or the last administrator (`wouldLoseAdmin`).
 */
export function erasePerson(
	db: Db,
	actorId: string | null,
	userId: string,
	how: 'data.erased' | 'data.expired',
	now: Date
): AccountChange {
	const refused = db.transaction((tx) => {
		if (wouldLoseAdmin(tx, actorId, userId, 'erase')) return true;
		eraseListedRows({ tx, userId, now });
		recordAudit(tx, { actorId, action: how, subjectUserId: userId }, now);
		return false;
	});
	if (refused) return { ok: false, refused: 'keeps_an_admin' };
	return { ok: true };
}

/**
 * The retention rule: a young person's words are erased `months` after their account was
 * switched off, or after their 25th birthday, whichever comes first. Returns who was erased.
 */
export function eraseExpired(db: Db, months: number, now: Date): string[] {
	const cutoff = new Date(now);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
	const due = db
		.select({ id: users.id })
		.from(users)
		.innerJoin(youngPeople, eq(youngPeople.userId, users.id))
		.where(
			and(
				isNull(users.erasedAt),
				or(
					lte(users.disabledAt, cutoff),
					lte(youngPeople.dateOfBirth, bornOnOrBeforeForAge(MAX_AGE, cutoff))
				)
			)
		)
		.all();
	return due
		.filter(({ id }) => erasePerson(db, null, id, 'data.expired', now).ok)
		.map((row) => row.id);
}

/**
 * The latest date of birth (YYYY-MM-DD) of someone `years` old on `day` (a UTC date). Dates of
 * birth are ISO text, so comparing them as text orders them; someone born on 29 February comes of
 * age on 1 March in a year without one, as `ageOn` counts.
 */
function bornOnOrBeforeForAge(years: number, day: Date): string {
	const [y, m, d] = day.toISOString().slice(0, 10).split('-');
	return `${Number(y) - years}-${m}-${d}`;
}
