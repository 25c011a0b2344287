import { LANGUAGES, languageOf, type LanguageCode } from '$lib/domain/languages';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * The languages someone may say they are writing in: the page's own first, then the rest, each
 * named in its own words with the English name beside it, so a worker helping can find it too.
 */
export function writingLanguages(current: string = getLocale()) {
	const ordered = [
		...LANGUAGES.filter((language) => language.code === current),
		...LANGUAGES.filter((language) => language.code !== current)
	];
	return ordered.map((language) => ({
		value: language.code,
		label:
			language.nativeName === language.englishName
				? language.nativeName
				: `${language.nativeName} (${language.englishName})`
	}));
}

/** What a worker sees on a statement written in another language: its name in English. */
export function writtenInLabel(code: string): string | null {
	return code === 'en' ? null : languageOf(code as LanguageCode).englishName;
}
