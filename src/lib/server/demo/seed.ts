import type { CareStatus, LeavingCareCategory, LegalStatus, LinkType } from '$lib/domain/people';
import type { EndReason, PlacementType } from '$lib/domain/care-codes';
import { birthdayAt } from '$lib/domain/offer';
import { sealPlacement, type Placement } from '../people/placement';
import type { Role } from '$lib/domain/roles';
import { isProduction } from '../config';
import type { Db } from '../db';
import { insertAccount } from '../accounts/accounts';
import { isSetUp } from '../accounts/setup';
import { hashPassword } from '../auth/password';
import { DEFAULT_SETTINGS, saveCouncilSettings } from '../council/settings';
import { insertYoungPerson } from '../people/young-people';
import { offer, pledge } from '../offer/content';
import { insertDemoContent } from './content';
import { saveTranslation } from '../offer/translations';
import { enableLanguage } from '../preferences/languages';
import { savePreferences } from '../preferences/preferences';
import {
	DEMO_ENTITLEMENT_TRANSLATIONS,
	DEMO_PROMISE_TRANSLATIONS,
	DEMO_THEME_TRANSLATIONS
} from './translations';
import type { Condition } from '$lib/domain/offer';
import { eq } from 'drizzle-orm';
import {
	councilSettings,
	forumIssues,
	forumMembers,
	forums,
	notices,
	reviews,
	careEpisodes,
	users,
	youngPeople
} from '../db/schema';
import { raiseIssue } from '../forum/issues';
import { seal } from '../crypto/seal';
import { ukToday } from '$lib/domain/people';
import { addCalendarDays, reviewDueOn, type ParticipationCode } from '$lib/domain/reviews';
import { requestEarlyReview } from '../reviews/reviews';
import { setDuty, setWorkPhone } from '../voice/people';
import {
	acknowledgeSafetyAlert,
	addSafetyAlertNote,
	closeSafetyAlert,
	raiseSafetyAlert
} from '../voice/safety';
import { addMessage, markSeenByWorker, sendStatement } from '../voice/statements';

/** Everyone in the demo council signs in with this password. */
export const DEMO_PASSWORD = 'brightwater';

interface DemoStaff {
	username: string;
	name: string;
	roles: Role[];
	what: string;
}

// Brightwater is a made-up council; every person here is invented.
export const DEMO_STAFF: DemoStaff[] = [
	{ username: 'admin', name: 'Priya Natarajan', roles: ['admin'], what: 'system owner' },
	{ username: 'sam.okafor', name: 'Sam Okafor', roles: ['worker'], what: 'social worker' },
	{ username: 'holly.brennan', name: 'Holly Brennan', roles: ['worker'], what: 'social worker' },
	{ username: 'marcus.reid', name: 'Marcus Reid', roles: ['worker'], what: 'personal adviser' },
	{ username: 'janet.ward', name: 'Janet Ward', roles: ['iro'], what: 'IRO' },
	{
		username: 'gareth.lloyd',
		name: 'Gareth Lloyd',
		roles: ['manager', 'board_member'],
		what: 'team manager on duty, sits on the Board'
	},
	{
		username: 'nadia.hussain',
		name: 'Nadia Hussain',
		roles: ['manager'],
		what: 'team manager, off duty'
	},
	{
		username: 'leah.mensah',
		name: 'Leah Mensah',
		roles: ['participation_officer'],
		what: 'participation officer'
	},
	{
		username: 'cllr.pemberton',
		name: 'Cllr Ruth Pemberton',
		roles: ['board_member'],
		what: 'councillor, Board chair'
	},
	{ username: 'cllr.shah', name: 'Cllr Dev Shah', roles: ['board_member'], what: 'councillor' },
	{
		username: 'tom.ashby',
		name: 'Tom Ashby',
		roles: ['complaints_manager'],
		what: 'complaints manager'
	}
];

interface DemoYoungPerson {
	username: string;
	name: string;
	age: number;
	/** Days past their last birthday, so ages stay true whatever the date. */
	daysSinceBirthday: number;
	careStatus: CareStatus;
	category: LeavingCareCategory;
	forum?: boolean;
	conditions?: Condition[];
	/** The language they chose, when not English. */
	locale?: string;
	links: [string, LinkType][];
	/** Their number in the council's case-management system (the 903 return's CHILD). */
	/** Null for one child, so the reviews page shows someone who "needs a council ID". */
	councilChildId: string | null;
}

export const DEMO_YOUNG_PEOPLE: DemoYoungPerson[] = [
	{
		username: 'maya',
		councilChildId: 'BW100231',
		name: 'Maya',
		age: 7,
		daysSinceBirthday: 40,
		careStatus: 'in_care',
		category: 'none',
		links: [
			['sam.okafor', 'social_worker'],
			['janet.ward', 'iro']
		]
	},
	{
		// Six: Hearth opens in picture mode for him, as for everyone under 8.
		username: 'leo',
		councilChildId: 'BW100245',
		name: 'Leo',
		age: 6,
		daysSinceBirthday: 75,
		careStatus: 'in_care',
		category: 'none',
		links: [
			['sam.okafor', 'social_worker'],
			['janet.ward', 'iro']
		]
	},
	{
		username: 'tyler',
		councilChildId: 'BW099870',
		name: 'Tyler',
		age: 11,
		daysSinceBirthday: 200,
		careStatus: 'in_care',
		category: 'none',
		links: [
			['sam.okafor', 'social_worker'],
			['janet.ward', 'iro']
		]
	},
	{
		username: 'amira',
		// Not given yet: the 903 Reviews file leaves her out and the reviews page says so.
		councilChildId: null,
		name: 'Amira',
		age: 14,
		daysSinceBirthday: 90,
		careStatus: 'in_care',
		category: 'none',
		forum: true,
		links: [
			['holly.brennan', 'social_worker'],
			['janet.ward', 'iro']
		]
	},
	{
		username: 'jayden',
		councilChildId: 'BW098112',
		name: 'Jayden',
		age: 16,
		daysSinceBirthday: 300,
		careStatus: 'in_care',
		category: 'eligible',
		forum: true,
		conditions: ['education_or_training', 'lives_in_area'],
		links: [
			['holly.brennan', 'social_worker'],
			['marcus.reid', 'personal_adviser'],
			['janet.ward', 'iro']
		]
	},
	{
		// Came to Brightwater alone from Sudan a year ago; reads Hearth in Arabic.
		username: 'yusuf',
		councilChildId: 'BW102455',
		name: 'Yusuf',
		age: 16,
		daysSinceBirthday: 30,
		careStatus: 'in_care',
		category: 'eligible',
		conditions: ['unaccompanied_asylum_seeker', 'lives_in_area'],
		locale: 'ar',
		links: [
			['holly.brennan', 'social_worker'],
			['marcus.reid', 'personal_adviser'],
			['janet.ward', 'iro']
		]
	},
	{
		username: 'chloe',
		councilChildId: 'BW097640',
		name: 'Chloe',
		age: 17,
		daysSinceBirthday: 120,
		careStatus: 'care_leaver',
		category: 'relevant',
		conditions: ['education_or_training', 'lives_in_area'],
		links: [
			['marcus.reid', 'personal_adviser'],
			['holly.brennan', 'social_worker']
		]
	},
	{
		username: 'reece',
		councilChildId: 'BW095321',
		name: 'Reece',
		age: 19,
		daysSinceBirthday: 10,
		careStatus: 'care_leaver',
		category: 'former_relevant',
		forum: true,
		conditions: ['higher_education', 'lives_in_area'],
		links: [['marcus.reid', 'personal_adviser']]
	},
	{
		username: 'elif',
		councilChildId: 'BW094008',
		name: 'Elif',
		age: 20,
		daysSinceBirthday: 150,
		careStatus: 'care_leaver',
		category: 'qualifying',
		conditions: ['education_or_training'],
		links: [['marcus.reid', 'personal_adviser']]
	},
	{
		username: 'dan',
		councilChildId: 'BW091777',
		name: 'Dan',
		age: 22,
		daysSinceBirthday: 60,
		careStatus: 'care_leaver',
		category: 'former_relevant',
		conditions: ['lives_in_area'],
		links: [['marcus.reid', 'personal_adviser']]
	},
	{
		username: 'shannon',
		councilChildId: 'BW089950',
		name: 'Shannon',
		age: 24,
		daysSinceBirthday: 250,
		careStatus: 'care_leaver',
		category: 'former_relevant',
		conditions: ['young_parent', 'lives_in_area'],
		links: [['marcus.reid', 'personal_adviser']]
	},
	{
		// Back in care: went home a year ago, came back two months ago (a new period of care).
		username: 'kai',
		councilChildId: 'BW099015',
		name: 'Kai',
		age: 15,
		daysSinceBirthday: 50,
		careStatus: 'in_care',
		category: 'none',
		links: [
			['sam.okafor', 'social_worker'],
			['janet.ward', 'iro']
		]
	},
	{
		// In care for years before the council used Hearth: her last review was held before it.
		username: 'ruby',
		councilChildId: 'BW096488',
		name: 'Ruby',
		age: 12,
		daysSinceBirthday: 180,
		careStatus: 'in_care',
		category: 'none',
		links: [
			['holly.brennan', 'social_worker'],
			['janet.ward', 'iro']
		]
	},
	{
		// Seventeen, with foster carers since 14: Staying Put and the bursary are coming at 18.
		username: 'nathan',
		councilChildId: 'BW095902',
		name: 'Nathan',
		age: 17,
		daysSinceBirthday: 100,
		careStatus: 'in_care',
		category: 'eligible',
		conditions: ['education_or_training', 'lives_in_area'],
		links: [
			['holly.brennan', 'social_worker'],
			['marcus.reid', 'personal_adviser'],
			['janet.ward', 'iro']
		]
	},
	{
		// Short breaks only (V3): a weekend a month with the same carers, home the rest of the time.
		username: 'isla',
		councilChildId: 'BW103117',
		name: 'Isla',
		age: 9,
		daysSinceBirthday: 20,
		careStatus: 'in_care',
		category: 'none',
		conditions: ['disabled'],
		links: [
			['sam.okafor', 'social_worker'],
			['janet.ward', 'iro']
		]
	}
];

function birthDate(age: number, daysSinceBirthday: number, now: Date): string {
	const date = new Date(now);
	date.setUTCDate(date.getUTCDate() - daysSinceBirthday);
	date.setUTCFullYear(date.getUTCFullYear() - age);
	return date.toISOString().slice(0, 10);
}

/** Fill an empty database with the Brightwater demo council. Refuses in production. */
export async function seedDemo(db: Db, now: Date): Promise<void> {
	if (isProduction()) throw new Error('Demo data is never loaded when NODE_ENV=production.');
	if (isSetUp(db)) return;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	db.transaction((tx) => {
		insertDemoContent(tx, now);
		saveCouncilSettings(
			tx,
			null,
			{
				name: 'Brightwater Council',
				...DEFAULT_SETTINGS,
				phone: '01632 960 100',
				outOfHoursPhone: '01632 960 999',
				email: 'childrens.services@brightwater.example',
				// An invented service, on a number Ofcom keeps for drama.
				advocacyName: 'Brightwater Young People’s Advocacy',
				advocacyPhone: '01632 960 450',
				advocacyEmail: 'help@brightwater-advocacy.example'
			},
			now
		);
		const ids = new Map<string, string>();
		for (const staff of DEMO_STAFF) {
			ids.set(
				staff.username,
				insertAccount(
					tx,
					{ username: staff.username, displayName: staff.name, passwordHash, roles: staff.roles },
					now
				)
			);
		}
		for (const person of DEMO_YOUNG_PEOPLE) {
			const roles: Role[] = person.forum ? ['young_person', 'forum_member'] : ['young_person'];
			const userId = insertAccount(
				tx,
				{ username: person.username, displayName: person.name, passwordHash, roles },
				now
			);
			insertYoungPerson(
				tx,
				{
					userId,
					dateOfBirth: birthDate(person.age, person.daysSinceBirthday, now),
					careStatus: person.careStatus,
					leavingCareCategory: person.category,
					councilChildId: person.councilChildId,
					conditions: person.conditions ?? [],
					links: person.links.map(([username, linkType]) => ({
						staffUserId: ids.get(username)!,
						linkType
					}))
				},
				// Their workers have known them for a while: links start six months back.
				daysAgo(now, 180)
			);
		}
	});
	seedDemoLanguages(db, now);
	seedDemoVoice(db, now);
	seedDemoReviews(db, now);
	seedDemoCareHistories(db, now);
	seedDemoForums(db, now);
	// The demo starts with every bell quiet; what was said shows in the inboxes.
	db.update(notices).set({ readAt: now }).run();
}

/**
 * The demo council has Welsh and Arabic on. A real council turns a language on only once a
 * fluent speaker has checked its safety words; the demo says plainly that nobody has.
 */
function seedDemoLanguages(db: Db, now: Date) {
	const adminId = db.select({ id: users.id }).from(users).where(eq(users.username, 'admin')).get()!
		.id;
	for (const code of ['cy', 'ar'] as const)
		enableLanguage(
			db,
			{ code, checkedBy: 'Demo only: not checked by a fluent speaker', checkedOn: ukToday(now) },
			adminId,
			now
		);
	for (const person of DEMO_YOUNG_PEOPLE.filter((p) => p.locale)) {
		const id = db
			.select({ id: users.id })
			.from(users)
			.where(eq(users.username, person.username))
			.get()!.id;
		savePreferences(db, id, { locale: person.locale }, id, now);
	}
	const translate = (
		type: 'pledge_theme' | 'promise' | 'entitlement',
		id: string,
		words: Record<'cy' | 'ar', Record<string, string>> | undefined
	) => {
		for (const locale of ['cy', 'ar'] as const)
			if (words) saveTranslation(db, { type, id, locale, fields: words[locale] }, adminId, now);
	};
	for (const theme of pledge(db)) {
		translate('pledge_theme', theme.id, DEMO_THEME_TRANSLATIONS[theme.title]);
		for (const promise of theme.promises) {
			const text = DEMO_PROMISE_TRANSLATIONS[promise.text];
			translate('promise', promise.id, text && { cy: { text: text.cy }, ar: { text: text.ar } });
		}
	}
	for (const item of offer(db))
		translate('entitlement', item.id, DEMO_ENTITLEMENT_TRANSLATIONS[item.slug]);
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

/** A few things young people said, so inboxes and the Board are not empty. All invented. */
function seedDemoVoice(db: Db, now: Date): void {
	const id = (username: string) =>
		db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
	setDuty(db, id('gareth.lloyd'), true, now);
	const said = (
		who: string,
		to: string,
		template: Parameters<typeof sendStatement>[1]['template'],
		answers: Record<string, string | string[]>,
		when: Date
	) => {
		const sent = sendStatement(
			db,
			{
				youngPersonId: id(who),
				template,
				answers,
				recipientId: id(to),
				clientKey: `demo-${who}-${template}`
			},
			when
		);
		if (!sent.ok) throw new Error(`Demo statement from ${who} was refused: ${sent.reason}`);
		return sent.id;
	};
	const tyler = said(
		'tyler',
		'sam.okafor',
		'feeling',
		{ mood: 'good', feelings: ['happy', 'tired'], more: 'Football was good. I scored a goal!' },
		daysAgo(now, 3)
	);
	markSeenByWorker(db, tyler, daysAgo(now, 2));
	addMessage(
		db,
		{
			statementId: tyler,
			authorId: id('sam.okafor'),
			body: 'Well done Tyler! I would love to hear about the goal when I visit on Thursday.',
			clientKey: 'demo-reply-tyler'
		},
		daysAgo(now, 2)
	);
	said(
		'amira',
		'holly.brennan',
		'visit',
		{ mood: 'okay', talk_about: ['school', 'friends'], where: ['go_out'], alone: ['yes'] },
		daysAgo(now, 1)
	);
	said(
		'reece',
		'marcus.reid',
		'plans',
		{
			mood: 'sad',
			area: ['money', 'study'],
			need: ['help_soon'],
			more: 'My student loan is late and I am worried about rent next month.'
		},
		daysAgo(now, 5)
	);
	seedDemoAlert(db, id, now);
}

/**
 * A safety alert from last week, dealt with: who was told, the notes, the outcome. Shannon's PA
 * is Marcus, so Holly's bell (which the notices test counts) stays quiet. Holly and Sam give a
 * work phone; Marcus has not, so the alert page shows both cases. All invented.
 */
function seedDemoAlert(db: Db, id: (username: string) => string, now: Date): void {
	setWorkPhone(db, id('holly.brennan'), id('holly.brennan'), '01632 960 214', now);
	setWorkPhone(db, id('sam.okafor'), id('sam.okafor'), '01632 960 318', now);
	const raisedAt = new Date(daysAgo(now, 6).getTime() - 3 * 60 * 60 * 1000);
	const later = (minutes: number) => new Date(raisedAt.getTime() + minutes * 60_000);
	const alert = raiseSafetyAlert(
		db,
		{ youngPersonId: id('shannon'), clientKey: 'demo-alert-shannon' },
		raisedAt
	);
	acknowledgeSafetyAlert(db, id('gareth.lloyd'), alert.id, later(12));
	addSafetyAlertNote(
		db,
		id('gareth.lloyd'),
		alert.id,
		'Rang Shannon at 23:20. She was outside her flat after an argument with a neighbour and did not want to go in. Stayed on the phone until her friend came to collect her.',
		later(25)
	);
	closeSafetyAlert(
		db,
		id('marcus.reid'),
		alert.id,
		{
			outcome: 'spoke_safe',
			note: 'Visited Shannon the next morning. She is back in her flat and safe. Housing officer told about the neighbour.'
		},
		later(11 * 60)
	);
	// Old news: the notices it made are read, so nobody's bell counts them.
	db.update(notices)
		.set({ readAt: later(12) })
		.where(eq(notices.link, `/work/alerts/${alert.id}`))
		.run();
}

/**
 * When each child in care came into care, and the reviews held since, so the IRO's list has
 * history: Tyler's second review was late and his third is overdue; Amira has had her first.
 */
function seedDemoReviews(db: Db, now: Date): void {
	const id = (username: string) =>
		db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
	const janet = id('janet.ward');
	const day = (offset: number) => ukToday(daysAgo(now, offset));
	// [who, came into care this many days ago, reviews held: [days after (+) or before (-) due, code]]
	const history: [string, number, [number, ParticipationCode][]][] = [
		[
			'maya',
			200,
			[
				[-1, 'PN3'],
				[-3, 'PN6']
			]
		],
		[
			'tyler',
			420,
			[
				[-1, 'PN1'],
				[11, 'PN5']
			]
		],
		['amira', 60, [[-1, 'PN1']]],
		[
			'jayden',
			150,
			[
				[0, 'PN2'],
				[-4, 'PN1']
			]
		]
	];
	for (const [username, startedDaysAgo, held] of history) {
		const youngPersonId = id(username);
		const startedOn = day(startedDaysAgo);
		const episodeId = `demo-episode-${username}-1`;
		db.insert(careEpisodes)
			.values({
				id: episodeId,
				youngPersonId,
				startedOn,
				legalStatus: 'C2',
				placementType: 'U4',
				createdAt: now
			})
			.run();
		let previous: string | undefined;
		held.forEach(([daysFromDue, code], index) => {
			const dueOn = reviewDueOn(index + 1, startedOn, previous);
			const heldOn = addCalendarDays(dueOn, daysFromDue);
			previous = heldOn;
			const heldAt = new Date(`${heldOn}T16:00:00Z`);
			db.insert(reviews)
				.values({
					id: `demo-review-${username}-${index + 1}`,
					youngPersonId,
					kind: 'child_in_care',
					episodeId,
					chairId: janet,
					number: index + 1,
					dueOn,
					meetingAt: `${heldOn}T16:00`,
					place: 'At home',
					status: 'held',
					heldOn,
					participationCode: code,
					decisionsSealed: seal('Stay where you live now. More family time at weekends.'),
					letterSealed: seal(
						`Dear ${username[0].toUpperCase()}${username.slice(1)}, thank you for telling us what you think. We agreed you will stay where you are, and we will ask for more family time at weekends. I will see you at your next review. Janet`
					),
					letterAt: heldAt,
					createdAt: heldAt
				})
				.run();
		});
	}
	// Janet asked for Jayden's next review early after a change at school (regulation 33(3)(a)).
	requestEarlyReview(
		db,
		{
			youngPersonId: id('jayden'),
			askedBy: janet,
			reason: 'iro_request',
			why: 'He moved school last week; the plan for his education needs a review now.'
		},
		daysAgo(now, 3)
	);
}

/** A period of care in the demo, by the child's age or by days ago. Dates are worked out from now. */
interface DemoPeriod {
	from: { age: number; days: number } | { daysAgo: number };
	to?: { age: number; days: number } | { daysAgo: number };
	legalStatus: LegalStatus;
	placementType: PlacementType;
	endReason?: EndReason;
}

/**
 * Care histories beyond the four children whose reviews are seeded above: care leavers' past
 * periods (so their category is worked out from them, the same as was typed), a child back in care,
 * a child who joined mid-care, a 17-year-old in foster care, a child on short breaks, and where
 * some of them live. All invented.
 */
function seedDemoCareHistories(db: Db, now: Date): void {
	const child = (username: string) =>
		db
			.select({ id: users.id, dateOfBirth: youngPeople.dateOfBirth })
			.from(users)
			.innerJoin(youngPeople, eq(youngPeople.userId, users.id))
			.where(eq(users.username, username))
			.get()!;
	const day = (offset: number) => ukToday(daysAgo(now, offset));
	const histories: [string, DemoPeriod[]][] = [
		[
			'chloe',
			[
				{
					from: { age: 14, days: 250 },
					to: { age: 16, days: 200 },
					legalStatus: 'C2',
					placementType: 'U6',
					endReason: 'E13'
				}
			]
		],
		[
			'reece',
			[
				{
					from: { age: 13, days: 40 },
					to: { age: 18, days: 0 },
					legalStatus: 'C2',
					placementType: 'U4',
					endReason: 'E17'
				}
			]
		],
		[
			'elif',
			[
				{
					from: { age: 16, days: 100 },
					to: { age: 16, days: 150 },
					legalStatus: 'V2',
					placementType: 'U6',
					endReason: 'E4A'
				}
			]
		],
		[
			'dan',
			[
				{
					from: { age: 15, days: 0 },
					to: { age: 18, days: 0 },
					legalStatus: 'C2',
					placementType: 'K2',
					endReason: 'E5'
				}
			]
		],
		[
			'shannon',
			[
				{
					from: { age: 12, days: 10 },
					to: { age: 18, days: 0 },
					legalStatus: 'C2',
					placementType: 'U4',
					endReason: 'E6'
				}
			]
		],
		[
			'kai',
			[
				{
					from: { age: 11, days: 30 },
					to: { daysAgo: 400 },
					legalStatus: 'C2',
					placementType: 'U6',
					endReason: 'E4A'
				},
				{ from: { daysAgo: 60 }, legalStatus: 'C1', placementType: 'U6' }
			]
		],
		['ruby', [{ from: { daysAgo: 1500 }, legalStatus: 'C2', placementType: 'U4' }]],
		['nathan', [{ from: { age: 14, days: 200 }, legalStatus: 'C2', placementType: 'U4' }]],
		['isla', [{ from: { daysAgo: 400 }, legalStatus: 'V3', placementType: 'U6' }]]
	];
	const janet = db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.username, 'janet.ward'))
		.get()!.id;
	for (const [username, periods] of histories) {
		const { id, dateOfBirth } = child(username);
		const on = (point: DemoPeriod['from']) =>
			'daysAgo' in point
				? day(point.daysAgo)
				: addCalendarDays(birthdayAt(dateOfBirth, point.age), point.days);
		periods.forEach((period, index) => {
			const episodeId = `demo-episode-${username}-${index + 1}`;
			const startedOn = on(period.from);
			const endedOn = period.to ? on(period.to) : null;
			db.insert(careEpisodes)
				.values({
					id: episodeId,
					youngPersonId: id,
					startedOn,
					legalStatus: period.legalStatus,
					placementType: period.placementType,
					endedOn,
					endReason: period.endReason ?? null,
					createdAt: now
				})
				.run();
			// Children in care have had their reviews on time, each a day early, in each period.
			if (!['kai', 'nathan', 'isla'].includes(username)) return;
			const until = endedOn ?? ukToday(now);
			let previous: string | undefined;
			for (let number = 1; ; number++) {
				const dueOn = reviewDueOn(number, startedOn, previous);
				const heldOn = addCalendarDays(dueOn, -1);
				if (heldOn >= until) break;
				previous = heldOn;
				db.insert(reviews)
					.values({
						id: `demo-review-${username}-${index + 1}-${number}`,
						youngPersonId: id,
						kind: 'child_in_care',
						episodeId,
						chairId: janet,
						number,
						dueOn,
						meetingAt: `${heldOn}T16:00`,
						place: 'At home',
						status: 'held',
						heldOn,
						participationCode: 'PN1',
						decisionsSealed: seal('Stay where you live now.'),
						createdAt: new Date(`${heldOn}T16:00:00Z`)
					})
					.run();
			}
		});
	}
	// Ruby's last review was held two months before the council began using Hearth.
	db.update(youngPeople)
		.set({ lastReviewBeforeHearthOn: day(70) })
		.where(eq(youngPeople.userId, child('ruby').id))
		.run();
	const placements: [string, Placement][] = [
		[
			'maya',
			{
				address: '4 Willow Close, Brightwater BW2 4PL',
				carerName: 'Karen and Dave Mills',
				carerPhone: '01632 960 411'
			}
		],
		[
			'tyler',
			{
				address: '27 Mill Lane, Brightwater BW5 1AX',
				carerName: 'Joy Adeyemi',
				carerPhone: '01632 960 522'
			}
		],
		[
			'nathan',
			{
				address: '9 Orchard Rise, Brightwater BW3 7QT',
				carerName: 'Mo and Priya Hassan',
				carerPhone: '01632 960 633'
			}
		],
		[
			'kai',
			{
				address: '18 Quay Street, Brightwater BW1 3RR',
				carerName: 'Lorna Pike',
				carerPhone: '01632 960 744'
			}
		],
		[
			'shannon',
			{ address: 'Flat 3, 51 Station Road, Brightwater BW1 9HN', carerName: '', carerPhone: '' }
		]
	];
	for (const [username, placement] of placements)
		db.update(youngPeople)
			.set({ placementSealed: sealPlacement(placement) })
			.where(eq(youngPeople.userId, child(username).id))
			.run();
}

/** Three forums, their members, the Board's chair, one issue already answered and one waiting for a check. */
function seedDemoForums(db: Db, now: Date): void {
	const id = (username: string) =>
		db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
	const forumList = [
		[
			'cicc',
			'Children in Care Council',
			'Young people in care, 11 to 17, who meet every month.',
			['amira', 'jayden']
		],
		['junior', 'Junior forum', 'Children in care aged 7 to 11.', []],
		['leavers', "Care leavers' forum", 'Care-experienced young people, 16 to 25.', ['reece']]
	] as const;
	for (const [forumId, name, description, members] of forumList) {
		db.insert(forums).values({ id: forumId, name, description, createdAt: now }).run();
		for (const member of members)
			db.insert(forumMembers)
				.values({ forumId, userId: id(member) })
				.run();
	}
	db.update(councilSettings)
		.set({ boardChairId: id('cllr.pemberton') })
		.run();
	const issueId = raiseIssue(
		db,
		{
			forumId: 'leavers',
			raisedBy: id('reece'),
			named: true,
			title: 'Bus passes for college',
			whatIsWrong: 'Getting to college costs more than my bursary covers.',
			whatToChange: 'Free bus passes for care leavers in education.'
		},
		daysAgo(now, 90)
	)!;
	db.update(forumIssues)
		.set({
			status: 'answered',
			answer:
				'From September, care leavers in education get a free bus pass. Ask your PA for yours.',
			answeredAt: daysAgo(now, 20),
			takenToBoardAt: daysAgo(now, 60)
		})
		.where(eq(forumIssues.id, issueId))
		.run();
	// A new issue waiting for the participation officer's check: only Jayden and officers see it.
	raiseIssue(
		db,
		{
			forumId: 'cicc',
			raisedBy: id('jayden'),
			named: false,
			title: 'Lifts to forum meetings',
			whatIsWrong: 'The meetings are across town and the bus takes over an hour.',
			whatToChange: 'A taxi or a lift for anyone who lives far away.'
		},
		daysAgo(now, 1)
	);
}

/** Run by the server at start when `npm run demo` asked for it (HEARTH_DEMO=1). */
export async function seedDemoIfAsked(db: Db, now: Date): Promise<void> {
	if (process.env.HEARTH_DEMO !== '1') return;
	if (isProduction()) {
		console.error('Refusing to load the Brightwater demo: NODE_ENV is production.');
		return;
	}
	await seedDemo(db, now);
	const rows = [
		...DEMO_STAFF.map((s) => `  ${s.username.padEnd(16)} ${s.name} (${s.what})`),
		...DEMO_YOUNG_PEOPLE.map(
			(p) =>
				`  ${p.username.padEnd(16)} ${p.name}, ${p.age}, ${p.careStatus === 'in_care' ? 'in care' : 'care leaver'}${p.forum ? ', forum member' : ''}`
		)
	];
	console.log(
		`\nBrightwater demo council. Every demo sign-in uses the password "${DEMO_PASSWORD}":\n${rows.join('\n')}\n`
	);
}
