import { error } from '@sveltejs/kit';
import { requireRecord } from '../auth/guard';
import type { SignedInContext } from '../http/context';
import { m } from '$lib/paraglide/messages';
import { statementOwner } from './statements';
import { safetyAlert } from './safety';
import { complaintOwner } from './complaints';

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

/**
 * A complaint, for whoever handles complaints (the handler has checked the capability). Every
 * opening is written to the audit log against the young person it is about; none is a 404.
 */
export function openComplaint(ctx: SignedInContext, complaintId: string, detail: string) {
	const youngPersonId = complaintOwner(ctx.db, complaintId);
	if (!youngPersonId) error(404, m.error_not_found());
	ctx.audit({ action: 'complaint.viewed', subjectUserId: youngPersonId, detail });
	return youngPersonId;
}
