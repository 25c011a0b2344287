import { error, type RequestEvent } from '@sveltejs/kit';
import { requireLinkedYoungPerson, requireRecord } from '../auth/guard';
import type { SignedInContext } from '../http/context';
import { getDb } from '../db';
import { m } from '$lib/paraglide/messages';
import { statementOwner } from './statements';
import { safetyAlert } from './safety';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress'>;

/** Staff opening a statement: linked to its young person today, or a manager. Audited either way. */
export function requireStatementAccess(event: Event, statementId: string) {
	const owner = statementOwner(getDb(), statementId);
	if (!owner) error(404, m.error_not_found());
	const user = requireLinkedYoungPerson(event, owner.youngPersonId);
	return { user, owner };
}

/** Staff opening a safety alert: the same rule as the young person's record. */
export function requireAlertAccess(event: Event, alertId: string) {
	const alert = safetyAlert(getDb(), alertId);
	if (!alert) error(404, m.error_not_found());
	const user = requireLinkedYoungPerson(event, alert.youngPersonId);
	return { user, alert };
}

/** A statement, for staff who may open its young person's record (audited as requireRecord). */
export function openStatement(ctx: SignedInContext, statementId: string, detail: string) {
	const owner = statementOwner(ctx.db, statementId);
	if (!owner) error(404, m.error_not_found());
	requireRecord(ctx, owner.youngPersonId, detail);
	return owner;
}

/** A safety alert, for staff who may open its young person's record (audited as requireRecord). */
export function openAlert(ctx: SignedInContext, alertId: string, detail: string) {
	const alert = safetyAlert(ctx.db, alertId);
	if (!alert) error(404, m.error_not_found());
	requireRecord(ctx, alert.youngPersonId, detail);
	return alert;
}
