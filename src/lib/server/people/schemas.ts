import { z } from 'zod';
import { CONDITIONS } from '$lib/domain/offer';
import { RESET_REASONS } from '$lib/domain/reset-codes';
import { m } from '$lib/paraglide/messages';

/** The young person's situation a linked worker records (what the Local Offer depends on). */
export const conditionsSchema = z.object({
	conditions: z.array(z.enum(CONDITIONS, { error: () => m.error_choose_one() }))
});

/**
 * A new-password code: the reason a manager not linked to the young person gives. Anything else
 * counts as no reason, and createResetCode decides whether one was needed.
 */
export const resetCodeSchema = z.object({
	reason: z.enum(RESET_REASONS).nullable().catch(null)
});
