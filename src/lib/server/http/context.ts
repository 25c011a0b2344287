import type { RequestEvent } from '@sveltejs/kit';
import { building } from '$app/environment';
import { ukToday } from '$lib/domain/people';
import { can, capabilitiesOf, type Capability } from '$lib/domain/roles';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { recordAudit, type AuditInput } from '../audit/log';
import { withMeNow } from '../auth/with-me';
import type { SessionUser } from '../auth/session';
import { now as clockNow } from '../clock';
import { getDb, type Db } from '../db';

/** An audit entry as a handler writes it: who and from where are the request's own. */
export type AuditEntry = Omit<AuditInput, 'actorId' | 'address'> & { actorId?: string | null };

/**
 * What one request knows, built once (see `contextOf`) and handed to every handler and, piece by
 * piece, to the services: the database, the one clock, who is signed in and what they may do,
 * the worker sitting with a young person, the page's language, and the audit log.
 */
export interface RequestContext {
	/** The app's database (opened on first use, so a build never opens it). */
	readonly db: Db;
	/** The request's one "now": the test-movable clock, read once, so every rule in it agrees. */
	readonly now: Date;
	/** Today's date in the UK (YYYY-MM-DD), for date rules: links, reviews, ages. */
	readonly today: string;
	/** The signed-in person; for "I feel unsafe" on a locked device, its owner (see `locked`). */
	readonly user: SessionUser | null;
	/** The session's id, when there is one. */
	readonly sessionId: string | null;
	/** True when `user` is the owner of a device quick exit locked: only "I feel unsafe" may use it. */
	readonly locked: boolean;
	/** Every capability the person has (none when signed out). */
	readonly capabilities: readonly Capability[];
	/** Whether the person has this capability: the one question a handler asks about access. */
	can(capability: Capability): boolean;
	/** The worker sitting with this young person now ("with me"), looked up when first asked. */
	withMe(): { workerId: string; workerName: string; until: Date } | null;
	/** The page's language, as Paraglide settled it for this request. */
	readonly locale: Locale;
	/** The address the request came from, for the audit log and throttles. */
	readonly address: string;
	/** Append to the audit log as this person, from this address, at this request's time. */
	audit(entry: AuditEntry): void;
}

/** A context whose person is signed in: what handlers that ask for a capability receive. */
export type SignedInContext = RequestContext & { readonly user: SessionUser };

type ContextEvent = Pick<RequestEvent, 'locals' | 'getClientAddress'>;

/** The request's context, made on first use and kept for the rest of the request. */
export function contextOf(event: ContextEvent): RequestContext {
	event.locals.context ??= createContext({
		user: event.locals.user ?? null,
		sessionId: event.locals.session?.id ?? null,
		address: () => event.getClientAddress()
	});
	return event.locals.context;
}

/**
 * The context of a device quick exit locked, as its owner: only for asking for help ("I feel
 * unsafe"), which the lock must never stop. Null when the device is not locked.
 */
export function lockedOwnerContext(event: ContextEvent): RequestContext | null {
	const owner = event.locals.locked?.user;
	if (!owner || event.locals.user) return null;
	return createContext({
		user: owner,
		locked: true,
		sessionId: event.locals.session?.id ?? null,
		now: contextOf(event).now,
		address: () => event.getClientAddress()
	});
}

/** The parts a context is made of; tests make one straight from these. */
export interface ContextParts {
	db?: Db;
	now?: Date;
	user: SessionUser | null;
	locked?: boolean;
	sessionId?: string | null;
	address?: string | (() => string);
}

/** A request context from its parts (the clock and database default to the app's own). */
export function createContext(parts: ContextParts): RequestContext {
	const now = parts.now ?? clockNow();
	const user = parts.user;
	const roles = user?.roles ?? [];
	let db = parts.db;
	let address = typeof parts.address === 'string' ? parts.address : undefined;
	let withMe: ReturnType<RequestContext['withMe']> | undefined;
	const context: RequestContext = {
		get db() {
			if (building) throw new Error('No database while building');
			db ??= getDb();
			return db;
		},
		now,
		today: ukToday(now),
		user,
		sessionId: parts.sessionId ?? null,
		locked: parts.locked ?? false,
		capabilities: capabilitiesOf(roles),
		can: (capability) => can(roles, capability),
		withMe() {
			if (withMe !== undefined) return withMe;
			withMe =
				user && parts.sessionId && !parts.locked
					? withMeNow(context.db, parts.sessionId, user.id, now)
					: null;
			return withMe;
		},
		get locale() {
			return getLocale();
		},
		get address() {
			address ??= typeof parts.address === 'function' ? parts.address() : '';
			return address;
		},
		audit(entry) {
			recordAudit(
				context.db,
				{ actorId: user?.id ?? null, ...entry, address: context.address || null },
				now
			);
		}
	};
	return context;
}
