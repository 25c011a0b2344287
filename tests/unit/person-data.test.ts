import { describe, expect, it } from 'vitest';
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, sqliteTable, text, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '$lib/server/db/schema';
import { forumMembers, users, youngPeople } from '$lib/server/db/schema';
import type { Db } from '$lib/server/db';
import { unseal } from '$lib/server/crypto/seal';
import {
	columnsNamingAUser,
	ERASED_ANSWERS,
	PERSON_DATA,
	rowsNaming,
	tablesIn,
	unlistedPersonColumns,
	type PersonColumn
} from '$lib/server/privacy/person-data';
import { erasePerson, personalRecord } from '$lib/server/privacy/records';
import { freshDb } from './db';
import { mayaEverywhere } from './person-rows';

const TABLES = tablesIn(schema);
const NOW = new Date('2026-05-01T00:00:00Z');
const name = (entry: PersonColumn) =>
	`${getTableConfig(entry.table).name}.${entry.column.name}${entry.through ? ' (through)' : ''}`;

/** Every row of a table as JSON, sealed columns opened: where a person's words would be found. */
function opened(db: Db, table: SQLiteTable): string {
	const sealed = Object.entries(getTableColumns(table))
		.filter(([, column]) => column.name.endsWith('_sealed'))
		.map(([key]) => key);
	return JSON.stringify(
		db
			.select()
			.from(table)
			.all()
			.map((row) =>
				Object.entries(row).map(([key, value]) =>
					sealed.includes(key) && typeof value === 'string' ? unseal(value) : value
				)
			)
	);
}

const rowsOf = (db: Db, entry: PersonColumn, userId: string) =>
	db
		.select()
		.from(entry.table)
		.where(rowsNaming(db, entry, userId))
		.all();

describe('the list of tables that hold a person', () => {
	it('holds every column in the schema that names a user', () => {
		// Enough columns are found for the check to mean something (a broken finder finds none).
		expect(columnsNamingAUser(TABLES).length).toBeGreaterThan(40);
		expect(unlistedPersonColumns(TABLES)).toEqual([]);
	});

	it('catches a new table that names a user, directly, through a young person, or by an unlinked id', () => {
		const petNotes = sqliteTable('pet_notes', {
			id: text('id').primaryKey(),
			keeperId: text('keeper_id').references(() => users.id),
			childId: text('child_id').references(() => youngPeople.userId),
			vetId: text('vet_id')
		});
		expect(unlistedPersonColumns([...TABLES, petNotes])).toEqual([
			'pet_notes.keeper_id',
			'pet_notes.child_id',
			'pet_notes.vet_id'
		]);
		// And a table taken off the list is missed at once.
		const shorter = PERSON_DATA.filter((entry) => entry.table !== forumMembers);
		expect(unlistedPersonColumns(TABLES, shorter)).toEqual(['forum_members.user_id']);
	});

	it('names real columns, once each, and reaches rows through a table that names the person', () => {
		const names = PERSON_DATA.map(name);
		expect(new Set(names).size).toBe(names.length);
		const personColumns = new Set(PERSON_DATA.filter((e) => !e.through).map((e) => e.column));
		for (const entry of PERSON_DATA) {
			expect(getTableConfig(entry.table).columns, name(entry)).toContain(entry.column);
			if (!entry.through) continue;
			expect(getTableConfig(entry.through.table).columns).toContain(entry.through.key);
			expect(personColumns, name(entry)).toContain(entry.through.person);
			const link = getTableConfig(entry.table)
				.foreignKeys.map((key) => key.reference())
				.find((reference) => reference.columns[0] === entry.column);
			expect(link?.foreignColumns[0], name(entry)).toBe(entry.through.key);
		}
	});

	it('says why whatever is kept is kept, and why whatever is left out of the download is', () => {
		for (const entry of PERSON_DATA) {
			const reasons = [
				entry.erasure.does === 'keep' ? entry.erasure.why : null,
				'leftOut' in entry.download ? entry.download.leftOut : null
			].filter((reason) => reason !== null);
			for (const reason of reasons) expect(reason, name(entry)).not.toBe('');
			// A reason that points at the open question has one to point at.
			if (reasons.some((reason) => reason.includes('see toDecide')))
				expect(entry.toDecide, name(entry)).toBeTruthy();
		}
	});
});

describe('the download follows the list', () => {
	it('has exactly the parts the list names, each with something in it for someone in every table', () => {
		const db = freshDb();
		const { maya } = mayaEverywhere(db);
		const record = personalRecord(db, maya, NOW)!;
		const shown = new Set(
			PERSON_DATA.flatMap((entry) => ('shownIn' in entry.download ? [entry.download.shownIn] : []))
		);
		const { madeAt, ...parts } = record;
		expect(madeAt).toBe(NOW.toISOString());
		expect(new Set(Object.keys(parts))).toEqual(shown);
		for (const [part, value] of Object.entries(parts)) {
			expect(value, part).not.toBeNull();
			if (Array.isArray(value)) expect(value, part).not.toHaveLength(0);
		}
	});

	it('opens the sealed words it shows, and leaves out what the list says it leaves out', () => {
		const db = freshDb();
		const { maya } = mayaEverywhere(db);
		const text = JSON.stringify(personalRecord(db, maya, NOW));
		const markers = (from: string) => new Set(from.match(/MAYA-[a-z-]+/g));
		const everywhere = new Set(TABLES.flatMap((table) => [...markers(opened(db, table))]));
		const leftOut = [...everywhere].filter((marker) => !markers(text).has(marker)).sort();
		expect(markers(text)).toEqual(
			new Set([
				'MAYA-statement',
				'MAYA-reply',
				'MAYA-message',
				'MAYA-views',
				'MAYA-decisions',
				'MAYA-letter',
				'MAYA-request',
				'MAYA-request-answer',
				'MAYA-rating',
				'MAYA-issue-title',
				'MAYA-issue-original-title',
				'MAYA-issue-original-wrong',
				'MAYA-issue-original-change',
				'MAYA-placement',
				'MAYA-override',
				'MAYA-extension',
				'MAYA-complaint-answer'
			])
		);
		// What the download leaves out today (see toDecide in person-data.ts): the issue as
		// moderated (the download shows it as she wrote it; its title shows among issues she
		// supported), her second-factor secret, and the rest for the council to decide.
		expect(leftOut).toEqual([
			'MAYA-alert-note',
			'MAYA-concern-note',
			'MAYA-concern-words',
			'MAYA-early-review',
			'MAYA-handover',
			'MAYA-invitation',
			'MAYA-issue-change',
			'MAYA-issue-wrong',
			'MAYA-report',
			'MAYA-totp'
		]);
		expect(text).not.toContain('TYLER');
	});
});

describe('erasure follows the list', () => {
	/** Sealed text compared by what it says: the same words sealed twice differ. */
	const plain = (value: unknown) => {
		if (typeof value !== 'string') return value;
		try {
			return unseal(value);
		} catch {
			return value;
		}
	};

	it('deletes, clears or keeps each table’s rows as the list says, for a young person and for staff', () => {
		const exercised = new Set<string>();
		for (const who of ['maya', 'sam', 'priya'] as const) {
			const db = freshDb();
			const people = mayaEverywhere(db);
			const userId = people[who];
			const before = PERSON_DATA.map((entry) => rowsOf(db, entry, userId));
			const tylerBefore = PERSON_DATA.map((entry) => rowsOf(db, entry, people.tyler));
			const writes = PERSON_DATA.map((entry) =>
				entry.erasure.does === 'clear' ? entry.erasure.values({ tx: db, userId, now: NOW }) : {}
			);
			erasePerson(db, null, userId, 'data.expired', NOW);
			for (const [i, entry] of PERSON_DATA.entries()) {
				const after = rowsOf(db, entry, userId);
				// Nobody else's rows change.
				expect(rowsOf(db, entry, people.tyler), name(entry)).toEqual(tylerBefore[i]);
				if (before[i].length) exercised.add(name(entry));
				if (entry.erasure.does === 'delete') expect(after, name(entry)).toEqual([]);
				// Kept: every row stays as it was, unless another rule on the table deletes or clears
				// it (a young person's own messages go with their statements); erasure adds its own
				// line to the audit log.
				if (entry.erasure.does === 'keep') {
					const changedByAnother = PERSON_DATA.flatMap((other, j) =>
						other.table === entry.table && other.erasure.does !== 'keep' ? before[j] : []
					).map((row) => JSON.stringify(row));
					const stays = before[i].filter((row) => !changedByAnother.includes(JSON.stringify(row)));
					expect(after, name(entry)).toEqual(expect.arrayContaining(stays));
				}
				if (entry.erasure.does !== 'clear') continue;
				expect(after, name(entry)).toHaveLength(before[i].length);
				for (const [row, was] of before[i].entries())
					for (const [key, value] of Object.entries(after[row])) {
						const expected = key in writes[i] ? writes[i][key] : Object(was)[key];
						expect(plain(value), `${name(entry)} ${key}`).toEqual(plain(expected));
					}
			}
		}
		// Every rule above was tried on real rows: the fixture names someone in every column.
		expect(PERSON_DATA.map(name).filter((entry) => !exercised.has(entry))).toEqual([]);
	});

	it('removes what it removed before the list was written', () => {
		// Change this on purpose only: it is what erasing a person has always taken away.
		const rule = (does: string) =>
			PERSON_DATA.filter((entry) => entry.erasure.does === does).map(name);
		expect(rule('delete')).toEqual([
			'user_roles.user_id',
			'sessions.user_id',
			'recovery_codes.user_id',
			'worker_links.young_person_id',
			'statement_messages.statement_id (through)',
			'review_consultations.review_id (through)',
			'forum_members.user_id',
			'notices.user_id',
			'push_subscriptions.user_id',
			'notice_preferences.user_id',
			'user_preferences.user_id'
		]);
		expect(rule('clear')).toEqual([
			'users.id',
			'young_people.user_id',
			'statements.young_person_id',
			'complaints.young_person_id',
			'reviews.young_person_id',
			'early_review_requests.young_person_id',
			'promise_ratings.young_person_id',
			'offer_requests.young_person_id',
			'forum_issues.raised_by'
		]);
	});

	it('leaves her words only where the list says words are kept', () => {
		const db = freshDb();
		const { maya, priya } = mayaEverywhere(db);
		erasePerson(db, priya, maya, 'data.erased', NOW);
		const withWords = TABLES.filter((table) => opened(db, table).includes('MAYA-')).map(
			(table) => getTableConfig(table).name
		);
		const saysKept = PERSON_DATA.filter((entry) => entry.wordsKept).map(
			(entry) => getTableConfig(entry.table).name
		);
		expect(new Set(withWords)).toEqual(new Set(saysKept));
		const statement = db
			.select()
			.from(schema.statements)
			.all()
			.find((s) => s.youngPersonId === maya)!;
		expect(unseal(statement.answersSealed)).toBe(ERASED_ANSWERS);
		expect(opened(db, schema.statements)).toContain('TYLER-statement');
	});
});
