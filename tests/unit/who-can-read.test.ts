import { describe, expect, it } from 'vitest';
import { LINK_TYPES } from '$lib/domain/people';
import { ROLES } from '$lib/domain/roles';
import { mayOpenRecord, statementReaders } from '$lib/domain/record-access';
import { linkTypeLabel, readerLabel, roleLabel } from '$lib/words/labels';
import { m } from '$lib/paraglide/messages';

// What young people read about who sees their words, checked against the rule the guard uses
// (requireRecord asks mayOpenRecord). Widen the rule and this fails until the words
// name the new readers; change the words and they must still name everyone the rule lets in.
const readersText = () => statementReaders().map(readerLabel).join(' ').toLowerCase();

/** The word that names each kind of reader: the staff label, short form where it has one. */
const nameOf = (label: string) =>
	new RegExp(`\\b${(/\(([^)]+)\)/.exec(label)?.[1] ?? label).toLowerCase()}s?\\b`);

describe('who can read what a young person sends', () => {
	it('names every kind of person the access rule lets read it', () => {
		const text = readersText();
		for (const role of ROLES.filter((role) => mayOpenRecord([role], false)))
			expect(text).toMatch(nameOf(roleLabel(role)));
		const linkLetsStaffIn = ROLES.some(
			(role) => !mayOpenRecord([role], false) && mayOpenRecord([role], true)
		);
		expect(linkLetsStaffIn).toBe(true);
		for (const linkType of LINK_TYPES) expect(text).toMatch(nameOf(linkTypeLabel(linkType)));
	});

	it('names nobody the rule keeps out', () => {
		const outside = ROLES.filter((role) => !mayOpenRecord([role], true));
		expect(outside).toEqual(
			expect.arrayContaining(['young_person', 'participation_officer', 'board_member', 'admin'])
		);
		expect(statementReaders().filter((r) => r.kind === 'role' && outside.includes(r.role))).toEqual(
			[]
		);
	});

	it('is the rule the guard enforces: managers always, other staff only while linked', () => {
		expect(mayOpenRecord(['manager'], false)).toBe(true);
		expect(mayOpenRecord(['worker'], false)).toBe(false);
		expect(mayOpenRecord(['worker'], true)).toBe(true);
		expect(mayOpenRecord(['iro'], true)).toBe(true);
		expect(mayOpenRecord(['admin'], true)).toBe(false);
	});

	it('no longer tells young people their words go "only" to the people they choose', () => {
		for (const words of [m.me_intro(), m.privacy_point_who(), m.readers_intro()])
			expect(words.toLowerCase()).not.toMatch(/\bonly\b/);
	});

	it('throws for a reader with no words, so a widened rule cannot go unsaid', () => {
		expect(() => readerLabel({ kind: 'role', role: 'admin' })).toThrow();
	});
});
