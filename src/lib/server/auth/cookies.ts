import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '../db';
import {
	createSession,
	deleteSessionTokenCookie,
	generateSessionToken,
	invalidateSession,
	setSessionTokenCookie
} from './session';
import { DEVICE_COOKIE_LIFETIME_MS, deviceCookieName, rememberDevice } from './device-cookie';
import type { GuessClient } from './throttle';

const isSecure = (event: Pick<RequestEvent, 'url'>) => event.url.protocol === 'https:';

/**
 * Start a fresh session (a new token every time) and give the browser its cookie. A person
 * already past their second factor (changing their password, say) keeps that in the new one.
 */
export function startSession(
	event: Pick<RequestEvent, 'url' | 'cookies' | 'locals'>,
	userId: string,
	carrySecondFactor = false
) {
	if (event.locals.session) invalidateSession(getDb(), event.locals.session.id);
	const token = generateSessionToken();
	// The wall clock, not Hearth's: sessions are checked against it on every request
	// (hooks.server.ts), because browser tests move Hearth's clock while others stay signed in.
	const now = new Date();
	const session = createSession(getDb(), token, userId, now, carrySecondFactor ? now : null);
	setSessionTokenCookie(event.cookies, token, session.expiresAt, isSecure(event));
	return session;
}

/** Give the browser a new session's cookie (after a step such as the second factor). */
export function setSessionCookie(
	event: Pick<RequestEvent, 'url' | 'cookies' | 'locals'>,
	token: string,
	expiresAt: Date
) {
	setSessionTokenCookie(event.cookies, token, expiresAt, isSecure(event));
}

export function endSession(event: Pick<RequestEvent, 'url' | 'cookies' | 'locals'>) {
	if (event.locals.session) invalidateSession(getDb(), event.locals.session.id);
	deleteSessionTokenCookie(event.cookies, isSecure(event));
	event.locals.user = null;
	event.locals.session = null;
}

/** Who is guessing a secret in this request: their address and this browser's device cookie. */
export function guessClient(
	event: Pick<RequestEvent, 'url' | 'cookies' | 'getClientAddress'>
): GuessClient {
	return {
		address: event.getClientAddress(),
		device: event.cookies.get(deviceCookieName(isSecure(event)))
	};
}

/**
 * This person has signed in on this browser (the second factor too, if they owe one): from now
 * on its guesses for them are counted on their own. Kept for a year, and kept at sign-out.
 */
export function rememberThisDevice(event: Pick<RequestEvent, 'url' | 'cookies'>, userId: string) {
	const secure = isSecure(event);
	const name = deviceCookieName(secure);
	event.cookies.set(name, rememberDevice(event.cookies.get(name), userId), {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		// The browser judges a cookie's expiry by its own (wall) clock, so it is set by that one.
		expires: new Date(Date.now() + DEVICE_COOKIE_LIFETIME_MS),
		path: '/'
	});
}

/** Any origin will do: a target is resolved against it and must stay on it. */
const OWN_ORIGIN = 'http://hearth.invalid';

/**
 * Where to go after signing in (or choosing a language): only a path inside Hearth, so a link
 * cannot send someone elsewhere. The target is parsed as a browser would (which drops tabs and
 * newlines, reads `\` as `/` and resolves `..`) against Hearth's own origin, and only a same-origin path is
 * kept, rebuilt from the parse so the Location header is exactly what was checked. A target
 * with control characters is refused with a 400: no browser sends one by mistake.
 */
export function safeNext(next: string | null): string | null {
	if (!next) return null;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(next)) error(400, m.error_bad_link());
	if (!next.startsWith('/')) return null;
	let url: URL;
	try {
		url = new URL(next, OWN_ORIGIN);
	} catch {
		return null;
	}
	if (url.origin !== OWN_ORIGIN || url.username || url.password) return null;
	// `/.//evil.example` parses to the path `//evil.example`, which a browser reads as another site.
	if (url.pathname.startsWith('//')) return null;
	return url.pathname + url.search + url.hash;
}
