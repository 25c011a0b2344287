import { z } from 'zod';
import { SHIPPED_LANGUAGES, BASE_LANGUAGE } from '$lib/domain/languages';
import { m } from '$lib/paraglide/messages';

/** The languages officers translate into: every shipped one but English. */
export const TRANSLATION_LOCALES = SHIPPED_LANGUAGES.map((l) => l.code).filter(
	(code) => code !== BASE_LANGUAGE
) as [string, ...string[]];

export const translationLocaleSchema = z.enum(TRANSLATION_LOCALES, {
	error: () => m.language_error()
});

/** One translated field: empty is allowed (the English shows there). */
const words = (max: number) =>
	z
		.string()
		.max(max, { error: () => m.translations_error_too_long({ max }) })
		.default('');

export const translationFieldsSchema = z.object({
	title: words(200),
	intro: words(2000),
	text: words(1000),
	summary: words(1000),
	details: words(20000),
	howToGet: words(4000),
	contact: words(1000)
});
