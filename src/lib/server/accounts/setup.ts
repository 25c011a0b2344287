import { eq } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../db';
import { userRoles } from '../db/schema';
import { hashSecret } from '../ids';
import { insertAccount } from './accounts';
import { recordAudit } from '../audit/log';
import { hashPassword } from '../auth/password';
import { generateSessionToken } from '../auth/session';
import { DEFAULT_SETTINGS, saveCouncilSettings } from '../council/settings';

/** Hearth is set up once it has an administrator. */
const setUp = new WeakSet<Db>();

/** Whether there is an administrator. Once there is, it stays so until Hearth restarts. */
export function isSetUp(db: Db): boolean {
	if (setUp.has(db)) return true;
	const found = !!db
		.select({ userId: userRoles.userId })
		.from(userRoles)
		.where(eq(userRoles.role, 'admin'))
		.get();
	if (found) setUp.add(db);
	return found;
}

let setupToken: string | undefined;

/** The one-time token that protects /setup, made at start (or given as HEARTH_SETUP_TOKEN). */
export function getSetupToken(): string {
	setupToken ??= process.env.HEARTH_SETUP_TOKEN || generateSessionToken();
	return setupToken;
}

export function setupTokenMatches(candidate: string): boolean {
	const a = Buffer.from(hashSecret(candidate));
	const b = Buffer.from(hashSecret(getSetupToken()));
	return timingSafeEqual(a, b);
}

/** Create the first admin and name the council, in one transaction. Refuses once set up. */
export async function completeSetup(
	db: Db,
	input: {
		councilName: string;
		/** Push services' contact (VAPID): without it Hearth sends no pushes, safety ones included. */
		councilEmail?: string | null;
		displayName: string;
		username: string;
		password: string;
	},
	now: Date
): Promise<{ ok: true; userId: string } | { ok: false; reason: 'already_set_up' }> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction((tx) => {
		if (
			tx
				.select({ userId: userRoles.userId })
				.from(userRoles)
				.where(eq(userRoles.role, 'admin'))
				.get()
		) {
			return { ok: false as const, reason: 'already_set_up' as const };
		}
		const userId = insertAccount(
			tx,
			{ username: input.username, displayName: input.displayName, passwordHash, roles: ['admin'] },
			now
		);
		saveCouncilSettings(
			tx,
			null,
			{
				name: input.councilName,
				...DEFAULT_SETTINGS,
				phone: null,
				outOfHoursPhone: null,
				email: input.councilEmail ?? null
			},
			now
		);
		recordAudit(tx, { actorId: userId, action: 'setup.completed' }, now);
		return { ok: true as const, userId };
	});
}
