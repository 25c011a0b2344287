import { and, eq, gt } from 'drizzle-orm';
import { isStaff } from '$lib/domain/roles';
import { ukToday } from '$lib/domain/people';
import type { Db } from '../db';
import { sessions, users } from '../db/schema';
import { recordAudit } from '../audit/log';
import { isLinked } from '../people/young-people';
import { rolesOf } from './session';
import { checkPassword } from './sign-in';
import type { GuessClient } from './throttle';

/** A "with me" time lasts this long at most; the young person or worker can end it sooner. */
export const WITH_ME_MS = 2 * 60 * 60 * 1000;

export type WithMeResult =
	| { ok: true; workerName: string }
	| { ok: false; reason: 'wrong' | 'not_linked' }
	| { ok: false; reason: 'wait'; waitMs: number };

/**
 * A worker sits with a young person and gives their own username and password on the young
 * person's phone. The young person stays signed in as themselves (the worker sees nothing of
 * theirs here); what the young person sends until it ends is recorded as made together. Only a
 * member of staff linked to this young person today can do it.
 */
export async function startWithMe(
	db: Db,
	input: {
		sessionId: string;
		youngPersonId: string;
		username: string;
		password: string;
	} & GuessClient,
	now: Date
): Promise<WithMeResult> {
	// The worker's own password, under the same count as signing in: this phone is usually not
	// one the worker signed in on, so it is an untrusted client for them.
	const checked = await checkPassword(db, input, now);
	if (!checked.ok) return checked;
	const workerId = checked.userId;
	if (
		!isStaff(rolesOf(db, workerId)) ||
		!isLinked(db, workerId, input.youngPersonId, ukToday(now))
	) {
		recordAudit(
			db,
			{ actorId: workerId, action: 'with_me.refused', subjectUserId: input.youngPersonId },
			now
		);
		return { ok: false, reason: 'not_linked' };
	}
	db.transaction((tx) => {
		tx.update(sessions)
			.set({ withWorkerId: workerId, withWorkerUntil: new Date(now.getTime() + WITH_ME_MS) })
			.where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, input.youngPersonId)))
			.run();
		recordAudit(
			tx,
			{ actorId: workerId, action: 'with_me.started', subjectUserId: input.youngPersonId },
			now
		);
	});
	const worker = db
		.select({ name: users.displayName })
		.from(users)
		.where(eq(users.id, workerId))
		.get();
	return { ok: true, workerName: worker?.name ?? '' };
}

/** Who is with the young person in this session now, if anyone (and still linked to them). */
export function withMeNow(
	db: Db,
	sessionId: string,
	youngPersonId: string,
	now: Date
): { workerId: string; workerName: string; until: Date } | null {
	const row = db
		.select({
			workerId: sessions.withWorkerId,
			until: sessions.withWorkerUntil,
			name: users.displayName
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.withWorkerId))
		.where(
			and(
				eq(sessions.id, sessionId),
				eq(sessions.userId, youngPersonId),
				gt(sessions.withWorkerUntil, now)
			)
		)
		.get();
	if (!row?.workerId || !row.until) return null;
	if (!isLinked(db, row.workerId, youngPersonId, ukToday(now))) return null;
	return { workerId: row.workerId, workerName: row.name, until: row.until };
}

/** The worker has gone: what is sent from now on is the young person's own. */
export function endWithMe(db: Db, sessionId: string, youngPersonId: string, now: Date): void {
	const current = withMeNow(db, sessionId, youngPersonId, now);
	db.update(sessions)
		.set({ withWorkerId: null, withWorkerUntil: null })
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, youngPersonId)))
		.run();
	if (current)
		recordAudit(
			db,
			{
				actorId: youngPersonId,
				action: 'with_me.ended',
				subjectUserId: youngPersonId,
				detail: current.workerName
			},
			now
		);
}
