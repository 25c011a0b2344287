import { z } from 'zod';
import { isShipped } from '$lib/domain/languages';
import {
	CONTRASTS,
	EXPRESS_SETTINGS,
	READING_FONTS,
	SPEECH_RATES,
	TEXT_SIZES,
	type SpeechRate
} from '$lib/domain/reading';
import { m } from '$lib/paraglide/messages';

const pick = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: () => m.error_choose_one() });

export const speechRateSchema = z.coerce
	.number({ error: () => m.error_choose_one() })
	.refine((rate) => (SPEECH_RATES as readonly number[]).includes(rate), {
		error: () => m.error_choose_one()
	})
	.transform((rate) => rate as SpeechRate);

/** The read-aloud bar's speed, saved as it is changed (static/read-aloud.js). */
export const speechSchema = z.object({ speechRate: speechRateSchema });

/** The reading and language page: every choice is one of a fixed few. */
export const preferencesSchema = z.object({
	locale: z.string().refine(isShipped, { error: () => m.language_error() }),
	textSize: pick(TEXT_SIZES),
	font: pick(READING_FONTS),
	contrast: pick(CONTRASTS),
	speechRate: speechRateSchema,
	express: pick(EXPRESS_SETTINGS)
});

export const languageChoiceSchema = z.object({
	locale: z.string().refine(isShipped, { error: () => m.language_error() }),
	/** The page to go back to (checked with safeNext where it is used). */
	back: z.string().max(2000)
});

/** A worker turning picture mode on or off for a young person. */
export const expressChoiceSchema = z.object({ express: pick(EXPRESS_SETTINGS) });
