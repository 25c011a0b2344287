import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { chooseLanguage, type ShippedCode } from '$lib/domain/languages';
import { cookieName, cookieMaxAge, defineCustomServerStrategy } from '$lib/paraglide/runtime';
import type { Db } from '../db';
import { enabledLanguages } from './languages';
import { preferencesOf } from './preferences';

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
	event: Pick<RequestEvent, 'request' | 'cookies' | 'locals' | 'url'>
) {
	const saved = event.locals.user ? preferencesOf(db, event.locals.user.id).locale : null;
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
