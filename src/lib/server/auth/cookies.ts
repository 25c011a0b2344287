import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import {
	createSession,
	deleteSessionTokenCookie,
	generateSessionToken,
	invalidateSession,
	setSessionTokenCookie
} from './session';

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

/** Only paths inside Hearth, so a link cannot send someone elsewhere after signing in. */
export function safeNext(next: string | null): string | null {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: null;
}
