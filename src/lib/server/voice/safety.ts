import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { DEFAULT_ALERT_MINUTES, escalationDueAt } from '$lib/domain/voice';
import { ukToday } from '$lib/domain/people';
import type { Db, Executor } from '../db';
import {
	councilSettings,
	safetyAlertEvents,
	safetyAlerts,
	users,
	type AlertSource
} from '../db/schema';
import { newId } from '../ids';
import { recordAudit } from '../audit/log';
import { enqueueJob } from '../jobs/queue';
import { notify } from '../notify/notify';
import { dutyManagers, managers, safetyContacts } from './people';

export const ESCALATION_JOB = 'safety.escalate';

function alertMinutes(db: Executor): number {
	return (
		db.select({ minutes: councilSettings.alertMinutes }).from(councilSettings).get()?.minutes ??
		DEFAULT_ALERT_MINUTES
	);
}

const staffLink = (alertId: string) => `/work/alerts/${alertId}`;
const STAFF_LINK = /^\/work\/alerts\/([^/?#]+)$/;

/**
 * Whether a notice's link is to a safety alert nobody has acknowledged yet. Push jobs carry
 * only a kind and a link, and a safety push is never given up while this holds.
 */
export function safetyAlertStillOpen(db: Executor, link: string): boolean {
	const alertId = STAFF_LINK.exec(link)?.[1];
	if (!alertId) return false;
	const alert = db
		.select({ acknowledgedAt: safetyAlerts.acknowledgedAt })
		.from(safetyAlerts)
		.where(eq(safetyAlerts.id, alertId))
		.get();
	return alert !== undefined && alert.acknowledgedAt === null;
}

function scheduleEscalation(db: Executor, alert: { id: string; raisedAt: Date }, step: number) {
	enqueueJob(
		db,
		ESCALATION_JOB,
		{ alertId: alert.id, step },
		{
			runAt: escalationDueAt(alert.raisedAt, step, alertMinutes(db)),
			// An escalation must not be lost to a passing fault: keep trying for hours.
			maxAttempts: 20,
			uniqueKey: `${ESCALATION_JOB}:${alert.id}:${step}`
		}
	);
}

/**
 * "I feel unsafe": raise a safety alert at once, tell the young person's workers and the
 * managers on duty, and schedule the first escalation. Sending the same form twice (the
 * same `clientKey`) raises one alert. Runs inside the caller's transaction when given one.
 */
export function raiseSafetyAlert(
	db: Executor,
	input: {
		youngPersonId: string;
		clientKey: string;
		statementId?: string;
		alsoTell?: string[];
		/** Set when someone else raises it for the young person (an officer's safeguarding concern). */
		source?: AlertSource;
		raisedBy?: string;
	},
	now = new Date()
): { id: string; created: boolean } {
	const existing = db
		.select({ id: safetyAlerts.id, statementId: safetyAlerts.statementId })
		.from(safetyAlerts)
		.where(
			and(
				eq(safetyAlerts.youngPersonId, input.youngPersonId),
				eq(safetyAlerts.clientKey, input.clientKey)
			)
		)
		.get();
	if (existing) {
		// Picture mode raises at the Scared tap; the statement sent two taps later joins that alert.
		if (input.statementId && !existing.statementId)
			db.update(safetyAlerts)
				.set({ statementId: input.statementId })
				.where(eq(safetyAlerts.id, existing.id))
				.run();
		return { id: existing.id, created: false };
	}
	const id = newId();
	return db.transaction((tx) => {
		tx.insert(safetyAlerts)
			.values({
				id,
				youngPersonId: input.youngPersonId,
				statementId: input.statementId ?? null,
				source: input.source ?? (input.statementId ? 'statement' : 'button'),
				clientKey: input.clientKey,
				raisedAt: now
			})
			.run();
		const told = [
			...new Set([
				...safetyContacts(tx, input.youngPersonId, ukToday(now)),
				...(input.alsoTell ?? []),
				...dutyManagers(tx)
			])
		];
		notify(tx, told, 'safety_alert', staffLink(id), now);
		tx.insert(safetyAlertEvents)
			.values([
				{ alertId: id, kind: 'raised', at: now, actorId: input.raisedBy ?? input.youngPersonId },
				{ alertId: id, kind: 'told', at: now, toldCount: told.length, step: 0 }
			])
			.run();
		scheduleEscalation(tx, { id, raisedAt: now }, 1);
		return { id, created: true };
	});
}

/**
 * The escalation job: if nobody has acknowledged the alert, tell every manager and the young
 * person's workers again, log the step, and schedule the next. Runs once per step.
 */
export function escalateSafetyAlert(db: Db, payload: Record<string, unknown>, now = new Date()) {
	const alertId = String(payload.alertId);
	const step = Number(payload.step);
	db.transaction((tx) => {
		const alert = tx.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId)).get();
		if (!alert || alert.acknowledgedAt || alert.escalationStep >= step) return;
		const told = [
			...new Set([
				...managers(tx).map((manager) => manager.id),
				...safetyContacts(tx, alert.youngPersonId, ukToday(now))
			])
		];
		notify(tx, told, 'safety_escalation', staffLink(alert.id), now);
		tx.update(safetyAlerts)
			.set({ escalationStep: step })
			.where(eq(safetyAlerts.id, alert.id))
			.run();
		tx.insert(safetyAlertEvents)
			.values({ alertId: alert.id, kind: 'escalated', at: now, toldCount: told.length, step })
			.run();
		scheduleEscalation(tx, alert, step + 1);
	});
}

/** A member of staff says "I have this": escalation stops. False when it was already acknowledged. */
export function acknowledgeSafetyAlert(
	db: Db,
	staffId: string,
	alertId: string,
	now = new Date()
): boolean {
	return db.transaction((tx) => {
		const alert = tx.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId)).get();
		if (!alert || alert.acknowledgedAt) return false;
		tx.update(safetyAlerts)
			.set({ acknowledgedAt: now, acknowledgedBy: staffId })
			.where(eq(safetyAlerts.id, alertId))
			.run();
		tx.insert(safetyAlertEvents)
			.values({ alertId, kind: 'acknowledged', at: now, actorId: staffId })
			.run();
		recordAudit(
			tx,
			{ actorId: staffId, action: 'alert.acknowledged', subjectUserId: alert.youngPersonId },
			now
		);
		return true;
	});
}

/** One alert, for staff or for the young person: who it is about, when, and every step. */
export function safetyAlert(db: Db, alertId: string) {
	const alert = db
		.select({
			id: safetyAlerts.id,
			youngPersonId: safetyAlerts.youngPersonId,
			name: users.displayName,
			statementId: safetyAlerts.statementId,
			source: safetyAlerts.source,
			raisedAt: safetyAlerts.raisedAt,
			acknowledgedAt: safetyAlerts.acknowledgedAt,
			escalationStep: safetyAlerts.escalationStep
		})
		.from(safetyAlerts)
		.innerJoin(users, eq(users.id, safetyAlerts.youngPersonId))
		.where(eq(safetyAlerts.id, alertId))
		.get();
	if (!alert) return null;
	const events = db
		.select({
			kind: safetyAlertEvents.kind,
			at: safetyAlertEvents.at,
			actor: users.displayName,
			toldCount: safetyAlertEvents.toldCount,
			step: safetyAlertEvents.step
		})
		.from(safetyAlertEvents)
		.leftJoin(users, eq(users.id, safetyAlertEvents.actorId))
		.where(eq(safetyAlertEvents.alertId, alertId))
		.orderBy(asc(safetyAlertEvents.id))
		.all();
	return { ...alert, events };
}

/** Open (unacknowledged) alerts about these young people, or about anyone when `youngPeople` is null. */
export function openSafetyAlerts(db: Db, youngPeople: string[] | null) {
	if (youngPeople && !youngPeople.length) return [];
	return db
		.select({
			id: safetyAlerts.id,
			youngPersonId: safetyAlerts.youngPersonId,
			name: users.displayName,
			raisedAt: safetyAlerts.raisedAt,
			escalationStep: safetyAlerts.escalationStep
		})
		.from(safetyAlerts)
		.innerJoin(users, eq(users.id, safetyAlerts.youngPersonId))
		.where(
			and(
				isNull(safetyAlerts.acknowledgedAt),
				youngPeople ? inArray(safetyAlerts.youngPersonId, youngPeople) : undefined
			)
		)
		.orderBy(asc(safetyAlerts.raisedAt))
		.all();
}
