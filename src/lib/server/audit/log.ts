import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, Executor } from '../db';
import { auditLog, users } from '../db/schema';
import { anyContains } from '../db/search';
import type { AuditAction } from '$lib/domain/audit';

export { AUDIT_ACTIONS, type AuditAction } from '$lib/domain/audit';

export interface AuditInput {
	actorId: string | null;
	action: AuditAction;
	subjectUserId?: string | null;
	detail?: string | null;
	address?: string | null;
}

/** Append one entry. There is no update or delete: the table refuses both. */
export function recordAudit(db: Executor, entry: AuditInput, now: Date): void {
	db.insert(auditLog)
		.values({
			at: now,
			actorId: entry.actorId,
			action: entry.action,
			subjectUserId: entry.subjectUserId ?? null,
			detail: entry.detail ?? null,
			address: entry.address ?? null
		})
		.run();
}

export interface AuditFilter {
	person?: string;
	action?: AuditAction;
	from?: string;
	to?: string;
	page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Search the log, newest first. `person` matches the actor's or the subject's username or name. */
export function searchAudit(db: Db, filter: AuditFilter) {
	const actor = alias(users, 'actor');
	const subject = alias(users, 'subject');
	const conditions: SQL[] = [];
	if (filter.person) {
		const columns = [actor.username, actor.displayName, subject.username, subject.displayName];
		conditions.push(anyContains(columns, filter.person));
	}
	if (filter.action) conditions.push(eq(auditLog.action, filter.action));
	if (filter.from) conditions.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00Z`)));
	if (filter.to) {
		const end = new Date(`${filter.to}T00:00:00Z`);
		end.setUTCDate(end.getUTCDate() + 1);
		conditions.push(lt(auditLog.at, end));
	}
	const page = Math.max(1, filter.page ?? 1);
	const rows = db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			detail: auditLog.detail,
			address: auditLog.address,
			actorName: actor.displayName,
			actorUsername: actor.username,
			subjectName: subject.displayName,
			subjectUsername: subject.username
		})
		.from(auditLog)
		.leftJoin(actor, eq(actor.id, auditLog.actorId))
		.leftJoin(subject, eq(subject.id, auditLog.subjectUserId))
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(AUDIT_PAGE_SIZE + 1)
		.offset((page - 1) * AUDIT_PAGE_SIZE)
		.all();
	return { entries: rows.slice(0, AUDIT_PAGE_SIZE), page, hasMore: rows.length > AUDIT_PAGE_SIZE };
}
