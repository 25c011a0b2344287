/**
 * A council's own words (Pledge themes and promises, Local Offer entitlements) can be translated
 * by its officers, item by item. Where an item has no translation, its English is shown, marked
 * as English so readers and screen readers know.
 */
export const TRANSLATABLE = {
	pledge_theme: ['title', 'intro'],
	promise: ['text'],
	entitlement: ['title', 'summary', 'details', 'howToGet', 'contact']
} as const;

export type TranslatableType = keyof typeof TRANSLATABLE;

export const isTranslatableType = (value: unknown): value is TranslatableType =>
	typeof value === 'string' && value in TRANSLATABLE;

export type TranslationState = 'missing' | 'done' | 'outdated';

/** Missing, done, or done before the English last changed (so it needs looking at again). */
export function translationState(
	translation: { sourceUpdatedAt: Date } | undefined,
	englishUpdatedAt: Date
): TranslationState {
	if (!translation) return 'missing';
	return translation.sourceUpdatedAt.getTime() < englishUpdatedAt.getTime() ? 'outdated' : 'done';
}

/**
 * The words to show for one item in `locale`: each field from the translation where it has one,
 * otherwise the English. `lang` is the language the main words (the first field) are in;
 * `englishFields` lists the fields shown in English for want of a translation.
 */
export function overlay<T extends Record<string, unknown>>(
	item: T,
	fields: readonly string[],
	translation: Record<string, string> | undefined,
	locale: string
): T & { lang: string; inEnglish: boolean; englishFields: string[] } {
	const out: Record<string, unknown> = { ...item };
	const englishFields: string[] = [];
	for (const field of fields) {
		const words = locale === 'en' ? undefined : translation?.[field]?.trim();
		if (words) out[field] = words;
		// An empty English field (a theme with no intro) needs no translation.
		else if (locale !== 'en' && String(item[field] ?? '').trim()) englishFields.push(field);
	}
	const inEnglish = englishFields.includes(fields[0]);
	return {
		...(out as T),
		lang: locale === 'en' || inEnglish ? 'en' : locale,
		inEnglish,
		englishFields
	};
}
