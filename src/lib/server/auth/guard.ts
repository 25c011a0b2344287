import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { capabilityForPath, CAPABILITIES, hasAnyRole, type Role } from '$lib/domain/roles';
import { mayOpenRecord } from '$lib/domain/record-access';
import { m } from '$lib/paraglide/messages';
import { isLinked, youngPersonExists } from '../people/young-people';
import type { SessionUser } from './session';
import { contextOf, type SignedInContext } from '../http/context';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress'>;

/**
 * The signed-in person, or a redirect that comes back here afterwards: to the second factor
 * when only the password has been given, otherwise to sign in (saying why a session ended).
 */
export function requireUser(event: Event): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = encodeURIComponent(event.url.pathname + event.url.search);
		if (event.locals.pending) redirect(303, `/signin/second-factor?next=${next}`);
		// Quick exit locked this device: type the password to carry on (nobody else's page opens).
		if (event.locals.locked) redirect(303, `/unlock?next=${next}`);
		const ended = event.locals.endedBecause ? `&ended=${event.locals.endedBecause}` : '';
		redirect(303, `/signin?next=${next}${ended}`);
	}
	return user;
}

/** The signed-in person if they hold one of these roles; otherwise 403. */
export function requireRole(event: Event, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!hasAnyRole(user.roles, roles)) error(403, m.error_forbidden());
	return user;
}

/**
 * Staff may read a young person's record only when linked to them today (managers
 * always, for oversight). Every read, and every refusal, is written to the audit log.
 * `detail` is what was opened (the page's path).
 */
export function requireRecord(ctx: SignedInContext, youngPersonId: string, detail: string): void {
	if (!ctx.can('openRecords')) error(403, m.error_forbidden());
	const exists = youngPersonExists(ctx.db, youngPersonId);
	// The rule is mayOpenRecord's; the link is only looked up when it could matter.
	const allowed =
		exists &&
		(mayOpenRecord(ctx.user.roles, false) ||
			mayOpenRecord(ctx.user.roles, isLinked(ctx.db, ctx.user.id, youngPersonId, ctx.today)));
	// Refusals are written too: someone trying records they have no link to is worth a look.
	// A made-up id names nobody, so the log (whose subject must be a real person) holds it in the path.
	ctx.audit({
		action: allowed ? 'young_person.viewed' : 'young_person.refused',
		subjectUserId: exists ? youngPersonId : null,
		detail
	});
	// Only those who may see any record learn that an id names nobody.
	if (!exists && ctx.can('openEveryRecord')) error(404, m.error_not_found());
	if (!allowed) error(403, m.error_not_linked());
}

/** As requireRecord, for handlers not yet built with the request context. */
export function requireLinkedYoungPerson(event: Event, youngPersonId: string): SessionUser {
	const user = requireUser(event);
	requireRecord(contextOf(event) as SignedInContext, youngPersonId, event.url.pathname);
	return user;
}

/**
 * Where a young person asks for help: the "I feel unsafe" form, and the outbox's way in. A device
 * quick exit locked is let through to their handlers, which ask for 'askForHelp' (see authorise
 * in http/handlers.ts): the lock never stops a child raising an alert.
 */
const HELP_PATHS = ['/me/unsafe', '/api/voice'];

/** The path-prefix rule the hook applies before any page or action runs. */
export function checkArea(event: Event & { request?: Pick<Request, 'method'> }): void {
	// A locked device's "I feel unsafe" is let through to its handler, which asks for askForHelp.
	if (
		event.request?.method === 'POST' &&
		event.locals.locked &&
		HELP_PATHS.includes(event.url.pathname)
	)
		return;
	const capability = capabilityForPath(event.url.pathname);
	if (capability) requireRole(event, ...CAPABILITIES[capability]);
}
