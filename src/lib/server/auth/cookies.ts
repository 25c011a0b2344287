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

/** Start a fresh session (a new token every time) and give the browser its cookie. */
export function startSession(
	event: Pick<RequestEvent, 'url' | 'cookies' | 'locals'>,
	userId: string
) {
	if (event.locals.session) invalidateSession(getDb(), event.locals.session.id);
	const token = generateSessionToken();
	const session = createSession(getDb(), token, userId);
	setSessionTokenCookie(event.cookies, token, session.expiresAt, isSecure(event));
	return session;
}

export function endSession(event: Pick<RequestEvent, 'url' | 'cookies' | 'locals'>) {
	if (event.locals.session) invalidateSession(getDb(), event.locals.session.id);
	deleteSessionTokenCookie(event.cookies, isSecure(event));
	event.locals.user = null;
	event.locals.session = null;
}
