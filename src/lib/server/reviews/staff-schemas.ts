import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// Staff-only forms and queries about reviews, kept apart from schemas.ts, which young people's
// pages import for the consultation.

/**
 * The reviews export's query: the collection year (the year its April falls in, from 2011 when
 * the reviews regulations began, to the year now) and which file: the 903 Reviews table, or
 * Hearth's own references.
 */
export function exportQuerySchema(thisYear: number) {
	return z.object({
		year: z
			.string()
			.regex(/^\d{4}$/, { error: () => m.error_export_year({ latest: thisYear }) })
			.transform(Number)
			.refine((year) => year >= 2011 && year <= thisYear, {
				error: () => m.error_export_year({ latest: thisYear })
			})
			.optional(),
		format: z.enum(['903', 'hearth'], { error: () => m.error_export_format() }).optional()
	});
}

/** Asking for an early review: why (the reason is always the IRO's request from this form). */
export const earlyReviewSchema = z.object({
	why: z
		.string()
		.trim()
		.min(1, { error: () => m.error_early_review_why() })
		.max(1000, { error: () => m.error_too_long() })
});
