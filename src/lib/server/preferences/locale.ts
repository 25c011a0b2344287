import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { chooseLanguage, type ShippedCode } from '$lib/domain/languages';
import { cookieName, cookieMaxAge, defineCustomServerStrategy } from '$lib/paraglide/runtime';
import type { Db } from '../db';
import { enabledLanguages } from './languages';
import { CONTRASTS, READING_FONTS, TEXT_SIZES } from '$lib/domain/reading';
import type { Preferences } from './preferences';

// Paraglide asks its strategies for a request's language; Hearth's one answer comes from the
// session (the person's own choice), this device's cookie and the browser, among the languages
// the council has turned on. It is worked out once per request, in the hooks, and kept here.
const chosen = new WeakMap<Request, ShippedCode>();
defineCustomServerStrategy('custom-hearth', {
	getLocale: (request) => (request ? chosen.get(request) : undefined)
});

/** Decide the language of this request and hand it to Paraglide. Call once the session is known. */
export function settleLanguage(
	db: Db,
	event: Pick<RequestEvent, 'request' | 'cookies' | 'url'>,
	saved: string | null
) {
	const locale = chooseLanguage(
		enabledLanguages(db),
		saved,
		event.cookies.get(cookieName),
		event.request.headers.get('accept-language'),
		event.url.searchParams.get('lang')
	);
	chosen.set(event.request, locale);
	return locale;
}

/** Remember this device's language, for when nobody is signed in on it. */
export function setLanguageCookie(cookies: Cookies, locale: ShippedCode, secure: boolean) {
	cookies.set(cookieName, locale, {
		path: '/',
		maxAge: cookieMaxAge,
		sameSite: 'lax',
		httpOnly: true,
		secure
	});
}

/**
 * The reading choices as attributes for <html> (only those not at their default), so the
 * stylesheet can size, space and colour the whole page with plain attribute selectors.
 */
export function readingAttributes(preferences: Preferences | null): string {
	if (!preferences) return '';
	const attributes: string[] = [];
	const add = (name: string, value: string, allowed: readonly string[]) => {
		if (value !== 'standard' && allowed.includes(value)) attributes.push(`data-${name}="${value}"`);
	};
	add('text-size', preferences.textSize, TEXT_SIZES);
	add('font', preferences.font, READING_FONTS);
	add('contrast', preferences.contrast, CONTRASTS);
	return attributes.join(' ');
}
