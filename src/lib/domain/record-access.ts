import { LINK_TYPES, type LinkType } from './people';
import { ROLES, can, type Role } from './roles';

/**
 * Whether someone may open a young person's record, and so read everything they send: staff
 * linked to them today (in any way), and managers always, for oversight. The one copy of the
 * rule: the guard enforces it, and what young people read about who sees their words is
 * derived from it (statementReaders), so the two cannot drift apart.
 */
export function mayOpenRecord(roles: readonly Role[], linkedToday: boolean): boolean {
	return can(roles, 'openEveryRecord') || (can(roles, 'openRecords') && linkedToday);
}

/** A kind of person who may read what a young person sends. */
export type Reader = { kind: 'linked'; linkType: LinkType } | { kind: 'role'; role: Role };

/**
 * Every kind of person who may read a young person's statements, asked of mayOpenRecord: each
 * role that may read without a link, and (when a link is what lets staff in) each way a member
 * of staff can be linked to them.
 */
export function statementReaders(): Reader[] {
	const readers: Reader[] = ROLES.filter((role) => mayOpenRecord([role], false)).map((role) => ({
		kind: 'role' as const,
		role
	}));
	if (ROLES.some((role) => !mayOpenRecord([role], false) && mayOpenRecord([role], true)))
		readers.unshift(...LINK_TYPES.map((linkType) => ({ kind: 'linked' as const, linkType })));
	return readers;
}
