import { z } from 'zod';
import { PROMISE_RATINGS } from '$lib/domain/offer';
import { m } from '$lib/paraglide/messages';

const optionalText = (max: number, tooLong: () => string) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong })
		.transform((value) => value || null);

export const askSchema = z.object({ message: optionalText(1000, () => m.ask_too_long()) });

export const rateSchema = z.object({
	promiseId: z.string().min(1).max(64),
	rating: z.enum(PROMISE_RATINGS, { error: () => m.error_rating() }),
	comment: optionalText(1000, () => m.ask_too_long())
});

export const answerSchema = z
	.object({
		requestId: z.string().min(1).max(64),
		status: z.enum(['done', 'declined'], { error: () => m.error_choose_one() }),
		answer: z
			.string()
			.trim()
			.max(2000, { error: () => m.ask_too_long() })
	})
	.refine((value) => value.answer.length > 0, {
		path: ['answer'],
		error: (issue) =>
			(issue.input as { status?: string }).status === 'declined'
				? m.error_reason_required()
				: m.error_answer_required()
	});
