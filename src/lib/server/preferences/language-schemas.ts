import { z } from 'zod';
import { isShipped } from '$lib/domain/languages';
import { isIsoDate } from '$lib/domain/people';
import { m } from '$lib/paraglide/messages';

/** Turning a language on: who checked its safety words, and when (not in the future). */
export function enableLanguageSchema(today: string) {
	return z.object({
		code: z.string().refine(isShipped, { error: () => m.language_error() }),
		checkedBy: z
			.string()
			.trim()
			.min(2, { error: () => m.languages_error_checked_by() })
			.max(120, { error: () => m.languages_error_checked_by() }),
		checkedOn: z
			.string()
			.trim()
			.refine(isIsoDate, { error: () => m.languages_error_checked_on() })
			.refine((date) => date <= today, { error: () => m.languages_error_checked_on_future() }),
		confirm: z.literal('yes', { error: () => m.languages_error_confirm() })
	});
}

export const languageCodeSchema = z.object({
	code: z.string().refine(isShipped, { error: () => m.language_error() })
});
