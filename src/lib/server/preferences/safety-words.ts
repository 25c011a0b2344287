import { isSafetyMessage, type ShippedCode } from '$lib/domain/languages';
import { m } from '$lib/paraglide/messages';

const messages = m as unknown as Record<
	string,
	((inputs?: Record<string, unknown>, options?: { locale?: string }) => string) | undefined
>;

/** Placeholders shown as they are, so the checker sees where the council's number goes. */
const SAMPLE_INPUTS = { phone: '{phone}', name: '{name}', minutes: '{minutes}', count: '{count}' };

/**
 * Every safety message in English and in `locale`, for a fluent speaker to check before the
 * council turns that language on. `same` is true where the translation is missing and English
 * would show instead.
 */
export function safetyWords(locale: ShippedCode) {
	return Object.keys(messages)
		.filter(isSafetyMessage)
		.sort()
		.map((key) => {
			const say = messages[key]!;
			const english = say(SAMPLE_INPUTS, { locale: 'en' });
			const translated = say(SAMPLE_INPUTS, { locale });
			return { key, english, translated, same: locale !== 'en' && english === translated };
		});
}
