import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { pledgePromises, promiseRatings } from '../db/schema';
import type { PromiseRatingValue } from '$lib/domain/offer';
import { sealOptional, unsealOptional } from '../crypto/seal';
import { tellOfficers } from '../forum/moderation';

export type { PromiseRatingValue } from '$lib/domain/offer';

/** A young person's answers to "Is this promise kept for me?", by promise. */
export function myRatings(db: Db, youngPersonId: string) {
	const rows = db
		.select()
		.from(promiseRatings)
		.where(eq(promiseRatings.youngPersonId, youngPersonId))
		.all();
	return Object.fromEntries(
		rows.map((row) => [
			row.promiseId,
			{ rating: row.rating, comment: unsealOptional(row.commentSealed) ?? '' }
		])
	);
}

/** A young person's answer to "Is this promise kept for me?", with an optional comment. */
export interface PromiseAnswer {
	youngPersonId: string;
	promiseId: string;
	rating: PromiseRatingValue;
	comment: string | null;
}

/** Save or change an answer; the comment is sealed. */
export function ratePromise(db: Db, input: PromiseAnswer, now: Date): void {
	const values = {
		rating: input.rating,
		commentSealed: sealOptional(input.comment),
		updatedAt: now
	};
	db.insert(promiseRatings)
		.values({ promiseId: input.promiseId, youngPersonId: input.youngPersonId, ...values })
		.onConflictDoUpdate({
			target: [promiseRatings.promiseId, promiseRatings.youngPersonId],
			set: values
		})
		.run();
}

export function promiseExists(db: Db, promiseId: string): boolean {
	return !!db
		.select({ id: pledgePromises.id })
		.from(pledgePromises)
		.where(eq(pledgePromises.id, promiseId))
		.get();
}

/**
 * A young person answers "Is this promise kept for me?" (the Pledge page): saved, and a new or
 * changed "tell us more" reaches the participation officers. False when there is no such promise.
 */
export function answerPromise(db: Db, input: PromiseAnswer, now: Date): boolean {
	return db.transaction(() => {
		if (!promiseExists(db, input.promiseId)) return false;
		const before = myRatings(db, input.youngPersonId)[input.promiseId]?.comment ?? '';
		ratePromise(db, input, now);
		if (input.comment && input.comment !== before)
			tellOfficers(db, 'pledge_comment', '/board/pledge', now);
		return true;
	});
}
