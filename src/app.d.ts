import type { EndedBecause, SessionUser } from '$lib/server/auth/session';
import type { RequestContext } from '$lib/server/http/context';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: { id: string; expiresAt: Date } | null;
			/** Signed in with a password, but a second factor is still to give or to set up. */
			pending: { user: SessionUser; need: 'needed' | 'setup' } | null;
			/**
			 * Quick exit locked this device's session: whose it is, until the password is typed again
			 * (/unlock). Nobody counts as signed in meanwhile.
			 */
			locked: { user: SessionUser } | null;
			/** Why the session in the cookie ended on this request, to say so on the sign-in page. */
			endedBecause: EndedBecause | null;
			/** The request's context (db, clock, person, capabilities): made once, by contextOf. */
			context?: RequestContext;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
