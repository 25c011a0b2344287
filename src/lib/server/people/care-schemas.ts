import { z } from 'zod';
import { COUNCIL_CHILD_ID, END_REASONS, PLACEMENT_TYPES } from '$lib/domain/care-codes';
import { LEAVING_CARE_CATEGORIES, LEGAL_STATUSES, isIsoDate } from '$lib/domain/people';
import { m } from '$lib/paraglide/messages';

/** An empty box as null, anything else checked by `then`. */
const orNone = <T extends z.ZodType>(then: T) =>
	z.union([z.literal('').transform(() => null), then]);

const pastDate = (today: string) =>
	z
		.string()
		.trim()
		.refine(isIsoDate, { error: () => m.error_date() })
		.refine((day) => day <= today, { error: () => m.care_error_future() });

/** The council's own child ID from its case-management system; empty clears it. */
export const councilChildIdField = orNone(
	z
		.string()
		.trim()
		.regex(COUNCIL_CHILD_ID, { error: () => m.care_error_council_id() })
);

export const councilChildIdSchema = z.object({ councilChildId: councilChildIdField });

/** A legal status from the 903 code set. */
export const legalStatusField = z.enum(LEGAL_STATUSES, { error: () => m.error_choose_one() });

/**
 * A period of care: start, legal status, placement type; to end it, the end date and the 903
 * reason together. A period moved from before may have no legal status recorded.
 */
export function carePeriodSchema(today: string) {
	return z
		.object({
			periodId: z.string().trim(),
			startedOn: pastDate(today),
			legalStatus: orNone(legalStatusField),
			placementType: orNone(z.enum(PLACEMENT_TYPES, { error: () => m.error_choose_one() })),
			endedOn: orNone(pastDate(today)),
			endReason: orNone(z.enum(END_REASONS, { error: () => m.error_choose_one() }))
		})
		.superRefine((period, check) => {
			if (period.endedOn && !period.endReason)
				check.addIssue({ code: 'custom', path: ['endReason'], message: m.care_error_end_reason() });
			if (period.endReason && !period.endedOn)
				check.addIssue({ code: 'custom', path: ['endedOn'], message: m.care_error_end_date() });
			if (period.endedOn && period.endedOn <= period.startedOn)
				check.addIssue({ code: 'custom', path: ['endedOn'], message: m.care_error_end_before() });
		});
}

/** Where they live now: all three boxes empty clears it; otherwise the address is needed. */
export const placementSchema = z
	.object({
		address: z
			.string()
			.trim()
			.max(300, { error: () => m.error_too_long() }),
		carerName: z
			.string()
			.trim()
			.max(120, { error: () => m.error_too_long() }),
		carerPhone: z
			.string()
			.trim()
			.max(40, { error: () => m.error_too_long() })
	})
	.superRefine((placement, check) => {
		if (!placement.address && (placement.carerName || placement.carerPhone))
			check.addIssue({ code: 'custom', path: ['address'], message: m.care_error_address() });
	});

/** The last review held before Hearth; empty clears it. */
export function lastReviewSchema(today: string) {
	return z.object({ heldOn: orNone(pastDate(today)) });
}

/** An officer's override of the category, with why; no category clears it. */
export const categoryOverrideSchema = z
	.object({
		category: orNone(z.enum(LEAVING_CARE_CATEGORIES, { error: () => m.error_choose_one() })),
		reason: z
			.string()
			.trim()
			.max(1000, { error: () => m.error_too_long() })
	})
	.superRefine((override, check) => {
		if (override.category && !override.reason)
			check.addIssue({ code: 'custom', path: ['reason'], message: m.care_error_override_reason() });
	});

/** Put a young person on a forum, or take them off. */
export const forumMembershipSchema = z.object({
	forumId: z.string().trim().min(1),
	member: z.enum(['yes', 'no'])
});
