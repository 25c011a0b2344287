/**
 * The languages Hearth can speak. A language is "shipped" when its interface words are in
 * messages/<code>.json and project.inlang lists it; the rest are named so that a young person
 * can say which language they are writing in, and so a council can see what is coming.
 * A council turns a shipped language on only after a fluent speaker has checked its safety words.
 */
export interface Language {
	/** BCP 47 tag, as Paraglide and the `lang` attribute use it. */
	code: string;
	/** The name in English, for staff pages. */
	englishName: string;
	/** The name in the language itself, for the switcher. */
	nativeName: string;
	dir: 'ltr' | 'rtl';
	shipped: boolean;
}

export const LANGUAGES = [
	{ code: 'en', englishName: 'English', nativeName: 'English', dir: 'ltr', shipped: true },
	{ code: 'cy', englishName: 'Welsh', nativeName: 'Cymraeg', dir: 'ltr', shipped: true },
	{ code: 'ar', englishName: 'Arabic', nativeName: 'العربية', dir: 'rtl', shipped: true },
	// Asked for most by the young people councils support; words not written yet.
	{ code: 'prs', englishName: 'Dari', nativeName: 'دری', dir: 'rtl', shipped: false },
	{ code: 'ps', englishName: 'Pashto', nativeName: 'پښتو', dir: 'rtl', shipped: false },
	{ code: 'ti', englishName: 'Tigrinya', nativeName: 'ትግርኛ', dir: 'ltr', shipped: false },
	{
		code: 'ckb',
		englishName: 'Kurdish (Sorani)',
		nativeName: 'کوردیی ناوەندی',
		dir: 'rtl',
		shipped: false
	},
	{ code: 'sq', englishName: 'Albanian', nativeName: 'Shqip', dir: 'ltr', shipped: false },
	{ code: 'vi', englishName: 'Vietnamese', nativeName: 'Tiếng Việt', dir: 'ltr', shipped: false },
	{ code: 'uk', englishName: 'Ukrainian', nativeName: 'Українська', dir: 'ltr', shipped: false }
] as const satisfies readonly Language[];

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const BASE_LANGUAGE = 'en' satisfies LanguageCode;

export const LANGUAGE_CODES = LANGUAGES.map((language) => language.code) as [
	LanguageCode,
	...LanguageCode[]
];
export const SHIPPED_LANGUAGES = LANGUAGES.filter((language) => language.shipped);
export type ShippedCode = (typeof SHIPPED_LANGUAGES)[number]['code'];

export const isLanguageCode = (value: unknown): value is LanguageCode =>
	typeof value === 'string' && LANGUAGE_CODES.includes(value as LanguageCode);

export const isShipped = (value: unknown): value is ShippedCode =>
	SHIPPED_LANGUAGES.some((language) => language.code === value);

export function languageOf(code: string): Language {
	return LANGUAGES.find((language) => language.code === code) ?? LANGUAGES[0];
}

/**
 * The interface words that keep a young person safe: the "I feel unsafe" path, what happens next,
 * who to call, quick exit, and the choices that raise an alert. A wrong word here could stop a
 * child getting help, so a fluent speaker must check each language's version of these before a
 * council turns that language on (see /admin/languages).
 */
const SAFETY_PREFIXES = ['unsafe_'];
const SAFETY_KEYS = new Set([
	'quick_exit',
	'quick_exit_hint',
	'voice_opt_scared',
	'voice_opt_unsafe',
	'voice_opt_not_safe',
	'help_danger',
	'help_childline',
	'help_ooh',
	'footer_help',
	'offline_safety'
]);

export const isSafetyMessage = (key: string) =>
	SAFETY_KEYS.has(key) || SAFETY_PREFIXES.some((prefix) => key.startsWith(prefix));

/**
 * Pick the language for a request: the person's own choice, then this device's, then a `?lang=`
 * hint (the service worker's signed-out copies for offline use), then what the browser asks for,
 * among the languages the council has turned on. English is always on.
 */
export function chooseLanguage(
	enabled: readonly string[],
	saved: string | null | undefined,
	cookie: string | null | undefined,
	acceptLanguage: string | null | undefined,
	hint?: string | null
): ShippedCode {
	const on = (code: string | null | undefined): code is ShippedCode =>
		!!code && (code === BASE_LANGUAGE || enabled.includes(code)) && isShipped(code);
	if (on(saved)) return saved;
	if (on(cookie)) return cookie;
	if (on(hint)) return hint;
	for (const wanted of parseAcceptLanguage(acceptLanguage)) {
		const primary = wanted.split('-')[0].toLowerCase();
		if (on(primary)) return primary;
	}
	return BASE_LANGUAGE;
}

const LANGUAGE_TAG = /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i;

/** The tags of an Accept-Language header, most wanted first (q=0, "*" and nonsense left out). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
	if (!header) return [];
	return header
		.split(',')
		.slice(0, 20)
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((entry) => LANGUAGE_TAG.test(entry.tag) && entry.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index)
		.map((entry) => entry.tag);
}
