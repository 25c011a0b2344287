import { z } from 'zod';
import { CONSULTATION_QUESTIONS } from '$lib/domain/consultation';
import { isIsoDate } from '$lib/domain/people';
import { PARTICIPATION_CODE_LIST } from '$lib/domain/reviews';
import { m } from '$lib/paraglide/messages';

const isoDate = () =>
	z
		.string()
		.trim()
		.refine(isIsoDate, { error: () => m.error_date() });

/** Booking a review: a date from today on, a time, and a place. */
export function scheduleSchema(today: string) {
	return z.object({
		date: isoDate().refine((date) => date >= today, {
			error: () => m.error_date_past()
		}),
		time: z
			.string()
			.trim()
			.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.error_time() }),
		place: z
			.string()
			.trim()
			.min(1, { error: () => m.error_place() })
			.max(200, { error: () => m.error_too_long() })
	});
}

const letterText = (empty: () => string) =>
	z
		.string()
		.trim()
		.min(1, { error: empty })
		.max(5000, { error: () => m.error_too_long() });

/** After the meeting: the day it was held (not in the future), the code, decisions and letter. */
export function outcomeSchema(today: string, needsCode: boolean) {
	return z.object({
		heldOn: isoDate().refine((date) => date <= today, {
			error: () => m.error_held_future()
		}),
		code: needsCode
			? z.enum(PARTICIPATION_CODE_LIST, { error: () => m.error_code_needed() })
			: z.any().transform(() => null),
		decisions: letterText(() => m.error_decisions()),
		letter: letterText(() => m.error_letter())
	});
}

/**
 * "Have your say" as its form posts it: an answer to every question any age is asked, and whether
 * to send. The review's own age group's schema (consultationSchema) then checks them and keeps
 * only its own questions.
 */
export const consultationFormSchema = z.object({
	intent: z.string(),
	...Object.fromEntries(CONSULTATION_QUESTIONS.map((question) => [question.id, z.string()]))
});
