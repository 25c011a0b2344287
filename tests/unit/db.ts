import { openDatabase, type Db } from '$lib/server/db/client';
import { insertAccount } from '$lib/server/accounts/accounts';
import { insertYoungPerson } from '$lib/server/people/young-people';
import type { Role } from '$lib/domain/roles';
import type { LinkType } from '$lib/domain/people';

/** A fresh in-memory database with every migration applied. */
export function freshDb(): Db {
	return openDatabase(':memory:');
}

// A cheap stand-in hash: these tests are about accounts, not argon2 (password.test.ts covers that).
const NOT_A_HASH = 'not-a-real-hash';

export function makeStaff(db: Db, username: string, roles: Role[]): string {
	return insertAccount(
		db,
		{ username, displayName: username, passwordHash: NOT_A_HASH, roles },
		new Date()
	);
}

export function makeYoungPerson(
	db: Db,
	username: string,
	links: { staffUserId: string; linkType: LinkType }[] = [],
	now = new Date()
): string {
	const userId = insertAccount(
		db,
		{ username, displayName: username, passwordHash: NOT_A_HASH, roles: ['young_person'] },
		now
	);
	insertYoungPerson(
		db,
		{
			userId,
			dateOfBirth: '2012-04-01',
			careStatus: 'in_care',
			leavingCareCategory: 'none',
			links
		},
		now
	);
	return userId;
}
