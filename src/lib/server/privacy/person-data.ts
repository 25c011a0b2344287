import { eq, getTableColumns, inArray, is, type SQL } from 'drizzle-orm';
import {
	getTableConfig,
	SQLiteTable,
	type SQLiteColumn,
	type SQLiteUpdateSetSource
} from 'drizzle-orm/sqlite-core';
import type { Executor } from '../db';
import {
	actionUpdates,
	advocacyRequests,
	complaints,
	auditLog,
	boardActions,
	contentTranslations,
	contentVersions,
	councilLanguages,
	councilSettings,
	forumIssues,
	forumMembers,
	invitations,
	issueFeedback,
	issueReports,
	issueSupports,
	managerDuty,
	noticePreferences,
	notices,
	offerRequests,
	promiseRatings,
	pushSubscriptions,
	recoveryCodes,
	reviewConsultations,
	reviews,
	safeguardingConcerns,
	safetyAlertEvents,
	safetyAlertNotes,
	safetyAlertTold,
	safetyAlerts,
	scorecardEntries,
	sessions,
	statementHandovers,
	statementMessages,
	statementThemes,
	statements,
	userPreferences,
	userRoles,
	users,
	workerLinks,
	youngPeople,
	careEpisodes,
	earlyReviewRequests
} from '../db/schema';
import { seal } from '../crypto/seal';
import type { PersonalRecord } from './records';

// Every column that names a person, in one list, with what erasure does to the rows it names and
// where the person sees them in "Save my information". Erasure runs this list; the download's
// sections are checked against it; tests/unit/person-data.test.ts fails when a table gains a
// column naming a user that is not here, so a new table cannot quietly escape either.

/** A part of the personal record ("Save my information"). */
export type Section = Exclude<keyof PersonalRecord, 'madeAt'>;

export interface EraseContext {
	/** The erasing transaction (a plain handle when a test asks what a rule would write). */
	tx: Executor;
	userId: string;
	now: Date;
}

/** What erasing a person does to the rows this column names them in. */
export type Erasure =
	| { does: 'delete' }
	| {
			does: 'clear';
			/** The values written over the row; the row itself stays so the Board's counts stay true. */
			values: (context: EraseContext) => Record<string, unknown>;
			run: (context: EraseContext, rows: SQL) => void;
	  }
	| { does: 'keep'; why: string };

/** Where the person finds these rows in their download, or why they are not there. */
export type Download = { shownIn: Section } | { leftOut: string };

/** The rows of a table that hang off another table that names the person (a statement's messages). */
export interface Through {
	table: SQLiteTable;
	key: SQLiteColumn;
	person: SQLiteColumn;
}

export interface PersonColumn {
	table: SQLiteTable;
	/** The column naming the person; with `through`, the column linking to the parent row. */
	column: SQLiteColumn;
	through?: Through;
	erasure: Erasure;
	download: Download;
	/** Words or a name of theirs still here after erasure, said plainly. */
	wordsKept?: string;
	/** What today's code does without anyone having decided it: for the council to settle. */
	toDecide?: string;
}

/** The rows of `entry`'s table that name the person. */
export function rowsNaming(db: Executor, entry: PersonColumn, userId: string): SQL {
	const { through } = entry;
	if (!through) return eq(entry.column, userId);
	return inArray(
		entry.column,
		db.select({ key: through.key }).from(through.table).where(eq(through.person, userId))
	);
}

/** Overwrite columns of the rows naming the person, typed against the table they belong to. */
function clear<T extends SQLiteTable>(
	table: T,
	values: (context: EraseContext) => SQLiteUpdateSetSource<T>
): Erasure {
	return {
		does: 'clear',
		values,
		run: (context, rows) => context.tx.update(table).set(values(context)).where(rows).run()
	};
}

const deleted: Erasure = { does: 'delete' };
const kept = (why: string): Erasure => ({ does: 'keep', why });
const shownIn = (section: Section): Download => ({ shownIn: section });
const leftOut = (why: string): Download => ({ leftOut: why });

const STAFF_WORK = 'work a member of staff did for the council, not about them';
const UNDECIDED = 'nobody has decided: erasure has never touched it (see toDecide)';
const NOT_SHOWN = 'not in the download today (see toDecide)';
const STAFF_NAMED = 'the member of staff who did it: the young person’s download names them';

/** A column naming the member of staff who did something: kept, and not part of their download. */
const staffWork = (
	table: SQLiteTable,
	column: SQLiteColumn,
	why = STAFF_WORK,
	download = STAFF_WORK
): PersonColumn => ({ table, column, erasure: kept(why), download: leftOut(download) });

/** What an erased statement's answers become: it still counts, and says why it is empty. */
export const ERASED_ANSWERS = JSON.stringify({ erased: true });

/** Every table that holds a person, each column that names them, and what erasure and the download do. */
export const PERSON_DATA: PersonColumn[] = [
	// Accounts
	{
		table: users,
		column: users.id,
		erasure: clear(users, ({ tx, userId, now }) => ({
			displayName: 'Erased',
			username: `erased-${userId}`,
			passwordHash: '!',
			totpKey: null,
			totpEnabledAt: null,
			// An account switched off earlier keeps that date: the retention rule counted from it.
			disabledAt:
				tx.select({ at: users.disabledAt }).from(users).where(eq(users.id, userId)).get()?.at ??
				now,
			erasedAt: now
		})),
		download: shownIn('account'),
		toDecide:
			'Erasing a member of staff leaves their work phone (users.work_phone), and the admin ' +
			'export does not show it.'
	},
	{
		table: userRoles,
		column: userRoles.userId,
		erasure: deleted,
		download: shownIn('account')
	},
	{
		table: sessions,
		column: sessions.userId,
		erasure: deleted,
		download: leftOut('only a hash of a sign-in token; each sign-in is shown under signIns')
	},
	{
		table: sessions,
		column: sessions.withWorkerId,
		erasure: kept('a young person’s session a worker joined ("with me"), until it ends'),
		download: leftOut(STAFF_WORK)
	},
	{
		table: recoveryCodes,
		column: recoveryCodes.userId,
		erasure: deleted,
		download: leftOut('only hashes of one-time codes, secrets that must not leave Hearth')
	},
	staffWork(invitations, invitations.createdBy),
	{
		table: invitations,
		column: invitations.usedBy,
		erasure: kept('the record of how the account was made'),
		download: leftOut(NOT_SHOWN),
		wordsKept:
			'the name, date of birth and care details the invitation was made with (display_name, details)',
		toDecide:
			'A used invitation keeps the invitee’s name and details for ever: erasure leaves it, the daily ' +
			'clean-up deletes only unused ones, and the download does not show it.'
	},
	{
		table: auditLog,
		column: auditLog.actorId,
		erasure: kept('the audit log is append-only: the database refuses any change or deletion'),
		download: shownIn('signIns'),
		toDecide: 'Only sign-ins are shown; other things the person did in the log are not.'
	},
	{
		table: auditLog,
		column: auditLog.subjectUserId,
		erasure: kept('the audit log is append-only: the database refuses any change or deletion'),
		download: shownIn('recordOpenedBy'),
		toDecide: 'Only "record opened" lines are shown; other lines about the person are not.'
	},
	{
		table: councilSettings,
		column: councilSettings.boardChairId,
		erasure: kept('the council’s own setting: an admin chooses another chair'),
		download: leftOut(STAFF_WORK)
	},

	// A young person's record and their workers
	{
		table: youngPeople,
		column: youngPeople.userId,
		// Date of birth, care status and the council's child ID stay: the Board's past counts are by
		// age and care, and the council's own record is kept under its own rules. Where they live,
		// and an officer's words about them, go.
		erasure: clear(youngPeople, () => ({ placementSealed: null, categoryOverrideReason: null })),
		download: shownIn('profile')
	},
	{
		table: careEpisodes,
		column: careEpisodes.youngPersonId,
		erasure: kept(
			'periods of care: the Board’s past counts and the 903 return are by care history'
		),
		download: shownIn('profile')
	},
	{
		table: workerLinks,
		column: workerLinks.youngPersonId,
		erasure: deleted,
		download: shownIn('workers')
	},
	{
		table: workerLinks,
		column: workerLinks.staffUserId,
		erasure: kept('the young person’s record of who worked with them'),
		download: leftOut(STAFF_NAMED)
	},

	// Voice: statements, their conversations and safety alerts
	{
		table: statements,
		column: statements.youngPersonId,
		erasure: clear(statements, () => ({ answersSealed: seal(ERASED_ANSWERS) })),
		download: shownIn('statements')
	},
	...[
		statements.recipientId,
		statements.madeWithId,
		statements.acknowledgedBy,
		statements.caseRecordedBy
	].map((column) =>
		staffWork(
			statements,
			column,
			'the young person’s statement: a worker’s name on it is erased with the worker',
			STAFF_NAMED
		)
	),
	{
		table: statementThemes,
		column: statementThemes.statementId,
		through: { table: statements, key: statements.id, person: statements.youngPersonId },
		erasure: kept('the Board’s counts by theme; a theme is a word from a fixed list, not theirs'),
		download: shownIn('statements')
	},
	{
		table: statementMessages,
		column: statementMessages.statementId,
		through: { table: statements, key: statements.id, person: statements.youngPersonId },
		erasure: deleted,
		download: shownIn('statements')
	},
	{
		table: statementMessages,
		column: statementMessages.authorId,
		erasure: kept(
			'a worker’s reply belongs to the young person’s conversation; a young person’s own ' +
				'messages are under their own statements, and go with them (above)'
		),
		download: leftOut(STAFF_NAMED)
	},
	{
		table: statementHandovers,
		column: statementHandovers.statementId,
		through: { table: statements, key: statements.id, person: statements.youngPersonId },
		erasure: kept(UNDECIDED),
		download: leftOut('staff’s hand-over notes; the young person sees in the app who passed it on'),
		wordsKept: 'the sealed hand-over note, written by staff about the young person',
		toDecide:
			'Hand-over notes about a young person survive their erasure and are not in the download ' +
			'or the admin export.'
	},
	...[statementHandovers.fromId, statementHandovers.toId, statementHandovers.byId].map((column) =>
		staffWork(statementHandovers, column, 'the record of who had a young person’s statement when')
	),
	{
		table: safetyAlerts,
		column: safetyAlerts.youngPersonId,
		erasure: kept('the Board’s measure of alerts answered in time counts these; no words'),
		download: shownIn('unsafeAlerts')
	},
	...[safetyAlerts.acknowledgedBy, safetyAlerts.closedBy].map((column) =>
		staffWork(safetyAlerts, column, 'the record of how an alert was dealt with', STAFF_NAMED)
	),
	{
		table: safetyAlertEvents,
		column: safetyAlertEvents.actorId,
		erasure: kept('the record of how an alert was dealt with; no words'),
		download: leftOut('the steps staff took; the young person sees when it was answered')
	},
	staffWork(safetyAlertTold, safetyAlertTold.userId, 'who was told of an alert and when'),
	{
		table: safetyAlertNotes,
		column: safetyAlertNotes.alertId,
		through: { table: safetyAlerts, key: safetyAlerts.id, person: safetyAlerts.youngPersonId },
		erasure: kept(UNDECIDED),
		download: leftOut('staff’s notes: the young person never sees these in Hearth'),
		wordsKept: 'the sealed notes staff wrote about the alert',
		toDecide:
			'Notes on a young person’s safety alerts survive their erasure and are not in the download ' +
			'or the admin export (a subject access request may need them, or an exemption).'
	},
	staffWork(safetyAlertNotes, safetyAlertNotes.authorId, 'what staff did about an alert'),
	{
		table: managerDuty,
		column: managerDuty.userId,
		erasure: kept(UNDECIDED),
		download: leftOut(STAFF_WORK),
		toDecide:
			'An erased manager’s on-duty row stays. Alerts no longer reach them (erasure removes the ' +
			'manager role and duty managers are found by role), but the row is not deleted.'
	},

	// Complaints and advocacy
	{
		table: complaints,
		column: complaints.youngPersonId,
		// The dates stay: the council must show its complaints were answered in time. The words
		// about the young person (why it took longer, the answer) go, as their own words do.
		erasure: clear(complaints, () => ({ extensionReasonSealed: null, answerSealed: null })),
		download: shownIn('statements')
	},
	...[complaints.extendedById, complaints.answeredById].map((column) =>
		staffWork(complaints, column, 'the record of how a complaint was answered', STAFF_NAMED)
	),
	{
		table: advocacyRequests,
		column: advocacyRequests.youngPersonId,
		erasure: kept(
			'the record that the young person agreed to their name going to the advocacy service, ' +
				'and when it went; no words'
		),
		download: shownIn('statements')
	},
	staffWork(
		advocacyRequests,
		advocacyRequests.passedOnById,
		'the record of who passed a request to the advocacy service'
	),

	// Reviews
	{
		table: reviews,
		column: reviews.youngPersonId,
		erasure: clear(reviews, () => ({ decisionsSealed: null, letterSealed: null })),
		download: shownIn('reviews')
	},
	{
		table: reviews,
		column: reviews.chairId,
		erasure: kept('the young person’s review: the chair’s name is erased with the chair'),
		download: leftOut(STAFF_NAMED)
	},
	{
		table: reviewConsultations,
		column: reviewConsultations.reviewId,
		through: { table: reviews, key: reviews.id, person: reviews.youngPersonId },
		erasure: deleted,
		download: shownIn('reviews')
	},
	{
		table: earlyReviewRequests,
		column: earlyReviewRequests.youngPersonId,
		erasure: clear(earlyReviewRequests, () => ({ whySealed: null })),
		download: leftOut(NOT_SHOWN),
		toDecide:
			'Why staff asked for an early review of a child is not in the download (the young person ' +
			'sees the review itself; a subject access request may need the reason).'
	},
	staffWork(
		earlyReviewRequests,
		earlyReviewRequests.askedBy,
		'who asked for an early review and when'
	),

	// Pledge and Local Offer
	{
		table: promiseRatings,
		column: promiseRatings.youngPersonId,
		erasure: clear(promiseRatings, () => ({ commentSealed: null })),
		download: shownIn('promiseRatings')
	},
	{
		table: offerRequests,
		column: offerRequests.youngPersonId,
		erasure: clear(offerRequests, () => ({ messageSealed: null, answerSealed: null })),
		download: shownIn('requests')
	},
	{
		table: offerRequests,
		column: offerRequests.answeredBy,
		erasure: kept('the young person’s request: who answered it'),
		download: leftOut(STAFF_WORK)
	},
	staffWork(contentVersions, contentVersions.createdBy),

	// Forum and Board
	{
		table: forumMembers,
		column: forumMembers.userId,
		erasure: deleted,
		download: leftOut(NOT_SHOWN),
		toDecide: 'Which forums a person sits on is not in the download.'
	},
	{
		table: forumIssues,
		column: forumIssues.raisedBy,
		erasure: clear(forumIssues, () => ({
			named: false,
			originalTitle: null,
			originalWhatIsWrong: null,
			originalWhatToChange: null
		})),
		download: shownIn('forumIssues'),
		wordsKept: 'the issue as the forum sees it, after an officer took out personal details'
	},
	...[forumIssues.editedBy, forumIssues.approvedBy].map((column) =>
		staffWork(forumIssues, column, 'the record of who moderated an issue')
	),
	{
		table: issueSupports,
		column: issueSupports.userId,
		erasure: kept('an issue’s count of supporters stays true; no words'),
		download: shownIn('issuesSupported')
	},
	{
		table: issueReports,
		column: issueReports.reporterId,
		erasure: kept(UNDECIDED),
		download: leftOut(NOT_SHOWN),
		wordsKept: 'why they reported an issue, in their own words (issue_reports.reason)',
		toDecide:
			'A report’s reason is a young person’s own words: it survives their erasure and is not in ' +
			'the download.'
	},
	{
		table: issueFeedback,
		column: issueFeedback.userId,
		erasure: kept('whether an answer helped: counted for the Board; no words'),
		download: leftOut(NOT_SHOWN),
		toDecide: 'Whether they said an answer helped is not in the download.'
	},
	{
		table: safeguardingConcerns,
		column: safeguardingConcerns.youngPersonId,
		erasure: kept(UNDECIDED),
		download: leftOut(NOT_SHOWN),
		wordsKept:
			'a sealed copy of the words the concern is about, and the officer’s sealed note (words_sealed, note_sealed)',
		toDecide:
			'Safeguarding concerns keep a copy of a young person’s words after their erasure, and are ' +
			'not in the download or the admin export.'
	},
	...[safeguardingConcerns.raisedBy, safeguardingConcerns.ladoStartedBy].map((column) =>
		staffWork(
			safeguardingConcerns,
			column,
			'the record of a safeguarding concern and the LADO process'
		)
	),
	staffWork(boardActions, boardActions.ownerId),
	staffWork(actionUpdates, actionUpdates.authorId),
	staffWork(scorecardEntries, scorecardEntries.enteredBy),

	// Notices and preferences
	{
		table: notices,
		column: notices.userId,
		erasure: deleted,
		download: leftOut('a kind and a link to a page, no words: what they point to is shown')
	},
	{
		table: pushSubscriptions,
		column: pushSubscriptions.userId,
		erasure: deleted,
		download: shownIn('devices')
	},
	{
		table: noticePreferences,
		column: noticePreferences.userId,
		erasure: deleted,
		download: leftOut(NOT_SHOWN),
		toDecide: 'How they like to be told (push on or off, quiet hours) is not in the download.'
	},
	{
		table: userPreferences,
		column: userPreferences.userId,
		erasure: deleted,
		download: shownIn('readingChoices')
	},
	{
		table: userPreferences,
		column: userPreferences.expressSetBy,
		erasure: kept('the young person can see it was their worker who set picture mode'),
		download: leftOut(STAFF_WORK)
	},
	staffWork(councilLanguages, councilLanguages.enabledBy),
	staffWork(contentTranslations, contentTranslations.updatedBy)
];

/**
 * Columns ending in Id that name no user, though no foreign key says so; anything else ending
 * in Id without a foreign key must be in PERSON_DATA.
 */
export const NAMES_NO_USER: { column: SQLiteColumn; why: string }[] = [
	{ column: contentVersions.entityId, why: 'the entitlement or promise a version is of' },
	{ column: contentTranslations.entityId, why: 'the theme, promise or entitlement translated' },
	{
		column: youngPeople.councilChildId,
		why: 'the council’s own reference for the child, not a Hearth account (the row is the child’s)'
	}
];

/** Erase the rows PERSON_DATA names the person in, in one transaction the caller holds. */
export function eraseListedRows(context: EraseContext): void {
	for (const entry of PERSON_DATA) {
		const rows = rowsNaming(context.tx, entry, context.userId);
		if (entry.erasure.does === 'delete') context.tx.delete(entry.table).where(rows).run();
		else if (entry.erasure.does === 'clear') entry.erasure.run(context, rows);
	}
}

/**
 * Every column of `tables` that names a user: a foreign key to users.id, or to a column that
 * itself names one (a young person's rows point at young_people.user_id).
 */
export function columnsNamingAUser(
	tables: SQLiteTable[]
): { table: SQLiteTable; column: SQLiteColumn }[] {
	const naming = new Set<SQLiteColumn>([users.id]);
	const found: { table: SQLiteTable; column: SQLiteColumn }[] = [];
	for (let grew = true; grew;) {
		grew = false;
		for (const table of tables)
			for (const foreignKey of getTableConfig(table).foreignKeys) {
				const { columns, foreignColumns } = foreignKey.reference();
				const [column] = columns;
				if (columns.length !== 1 || naming.has(column)) continue;
				if (!naming.has(foreignColumns[0])) continue;
				naming.add(column);
				found.push({ table, column });
				grew = true;
			}
	}
	return found;
}

/** Columns of `tables` ending in Id with no foreign key at all: they may name a user unseen. */
export function idColumnsWithoutForeignKey(
	tables: SQLiteTable[]
): { table: SQLiteTable; column: SQLiteColumn }[] {
	return tables.flatMap((table) => {
		const linked = new Set(
			getTableConfig(table).foreignKeys.flatMap((key) => key.reference().columns)
		);
		return Object.entries(getTableColumns(table))
			.filter(([key, column]) => key.endsWith('Id') && !linked.has(column))
			.map(([, column]) => ({ table, column }));
	});
}

/**
 * Columns of `tables` that name a user, or may (ending in Id with no foreign key), that `list`
 * does not hold and NAMES_NO_USER does not explain, as table.column.
 */
export function unlistedPersonColumns(tables: SQLiteTable[], list = PERSON_DATA): string[] {
	const listed = new Set(list.filter((entry) => !entry.through).map((entry) => entry.column));
	const explained = new Set(NAMES_NO_USER.map((entry) => entry.column));
	return [...columnsNamingAUser(tables), ...idColumnsWithoutForeignKey(tables)]
		.filter(({ column }) => !listed.has(column) && !explained.has(column))
		.map(({ table, column }) => `${getTableConfig(table).name}.${column.name}`);
}

/** Every drizzle table among a module's exports (the schema). */
export function tablesIn(module: Record<string, unknown>): SQLiteTable[] {
	return Object.values(module).filter((value): value is SQLiteTable => is(value, SQLiteTable));
}
