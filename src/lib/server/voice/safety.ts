import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { DEFAULT_ALERT_MINUTES, escalationDueAt } from '$lib/domain/voice';
import { ukToday } from '$lib/domain/people';
import type { Db, Executor } from '../db';
import {
	councilSettings,
	safetyAlertEvents,
	safetyAlertNotes,
	safetyAlertTold,
	safetyAlerts,
	users,
	type AlertSource,
	type ToldReason
} from '../db/schema';
import type { AlertOutcome } from '$lib/domain/voice';
import { seal, unseal } from '../crypto/seal';
import { newId } from '../ids';
import { recordAudit } from '../audit/log';
import { enqueueJob } from '../jobs/queue';
import { notify } from '../notify/notify';
import { dutyManagers, managers, safetyContacts } from './people';

export const ESCALATION_JOB = 'safety.escalate';

/** The council's set time for acknowledging a safety alert, in minutes: escalation and the scorecard. */
export function alertMinutes(db: Executor): number {
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

function scheduleEscalation(
	db: Executor,
	alert: { id: string; raisedAt: Date },
	step: number,
	now: Date
) {
	enqueueJob(
		db,
		ESCALATION_JOB,
		{ alertId: alert.id, step },
		{
			runAt: escalationDueAt(alert.raisedAt, step, alertMinutes(db)),
			// An escalation must not be lost to a passing fault: keep trying for hours.
			maxAttempts: 20,
			uniqueKey: `${ESCALATION_JOB}:${alert.id}:${step}`
		},
		now
	);
}

const withReason = (reason: ToldReason) => (userId: string) => ({ userId, reason });

/** One row per person, keeping the first reason given (a linked worker who is also a manager is "worker"). */
function toldWithReasons(people: { userId: string; reason: ToldReason }[]) {
	const seen = new Map<string, ToldReason>();
	for (const person of people) if (!seen.has(person.userId)) seen.set(person.userId, person.reason);
	return [...seen].map(([userId, reason]) => ({ userId, reason }));
}

/** A step that told people, and each person told by name, so the alert page can say who knew when. */
function recordTold(
	tx: Executor,
	event: { alertId: string; kind: 'told' | 'escalated'; at: Date; step: number },
	told: { userId: string; reason: ToldReason }[]
) {
	const { id } = tx
		.insert(safetyAlertEvents)
		.values({ ...event, toldCount: told.length })
		.returning({ id: safetyAlertEvents.id })
		.get();
	if (told.length)
		tx.insert(safetyAlertTold)
			.values(told.map((person) => ({ eventId: id, ...person })))
			.run();
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
	now: Date
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
		const told = toldWithReasons([
			...safetyContacts(tx, input.youngPersonId, ukToday(now)).map(withReason('worker')),
			...(input.alsoTell ?? []).map(withReason('also')),
			...dutyManagers(tx).map((manager) =>
				withReason(manager.onDuty ? 'on_duty' : 'manager')(manager.id)
			)
		]);
		notify(
			tx,
			told.map((person) => person.userId),
			'safety_alert',
			staffLink(id),
			now
		);
		tx.insert(safetyAlertEvents)
			.values({
				alertId: id,
				kind: 'raised',
				at: now,
				actorId: input.raisedBy ?? input.youngPersonId
			})
			.run();
		recordTold(tx, { alertId: id, kind: 'told', at: now, step: 0 }, told);
		scheduleEscalation(tx, { id, raisedAt: now }, 1, now);
		return { id, created: true };
	});
}

/**
 * The escalation job: if nobody has acknowledged the alert, tell every manager and the young
 * person's workers again, log the step, and schedule the next. Runs once per step.
 */
export function escalateSafetyAlert(db: Db, payload: Record<string, unknown>, now: Date) {
	const alertId = String(payload.alertId);
	const step = Number(payload.step);
	db.transaction((tx) => {
		const alert = tx.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId)).get();
		if (!alert || alert.acknowledgedAt || alert.escalationStep >= step) return;
		const told = toldWithReasons([
			...safetyContacts(tx, alert.youngPersonId, ukToday(now)).map(withReason('worker')),
			...managers(tx).map((manager) => withReason('manager')(manager.id))
		]);
		notify(
			tx,
			told.map((person) => person.userId),
			'safety_escalation',
			staffLink(alert.id),
			now
		);
		tx.update(safetyAlerts)
			.set({ escalationStep: step })
			.where(eq(safetyAlerts.id, alert.id))
			.run();
		recordTold(tx, { alertId: alert.id, kind: 'escalated', at: now, step }, told);
		scheduleEscalation(tx, alert, step + 1, now);
	});
}

/** A member of staff says "I have this": escalation stops. False when it was already acknowledged. */
export function acknowledgeSafetyAlert(
	db: Db,
	staffId: string,
	alertId: string,
	now: Date
): boolean {
	return db.transaction((tx) => acknowledgeIn(tx, staffId, alertId, now));
}

function acknowledgeIn(tx: Executor, staffId: string, alertId: string, now: Date): boolean {
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
}

function addNoteIn(
	tx: Executor,
	staffId: string,
	alertId: string,
	youngPersonId: string,
	body: string,
	now: Date
) {
	tx.insert(safetyAlertNotes)
		.values({ id: newId(), alertId, authorId: staffId, bodySealed: seal(body), createdAt: now })
		.run();
	tx.insert(safetyAlertEvents).values({ alertId, kind: 'noted', at: now, actorId: staffId }).run();
	recordAudit(tx, { actorId: staffId, action: 'alert.noted', subjectUserId: youngPersonId }, now);
}

/** A member of staff writes down what was done. Sealed; audited. False when there is no such alert. */
export function addSafetyAlertNote(
	db: Db,
	staffId: string,
	alertId: string,
	body: string,
	now: Date
): boolean {
	return db.transaction((tx) => {
		const alert = tx.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId)).get();
		if (!alert) return false;
		addNoteIn(tx, staffId, alertId, alert.youngPersonId, body, now);
		return true;
	});
}

/**
 * Close an alert with an outcome and a note: it was dealt with. Closing an alert nobody has
 * acknowledged acknowledges it too, in the same transaction, so escalation stops. False (and
 * nothing written) when it was already closed: a second close changes nothing.
 */
export function closeSafetyAlert(
	db: Db,
	staffId: string,
	alertId: string,
	input: { outcome: AlertOutcome; note: string },
	now: Date
): boolean {
	return db.transaction((tx) => {
		const alert = tx.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId)).get();
		if (!alert || alert.closedAt) return false;
		acknowledgeIn(tx, staffId, alertId, now);
		addNoteIn(tx, staffId, alertId, alert.youngPersonId, input.note, now);
		tx.update(safetyAlerts)
			.set({ closedAt: now, closedBy: staffId, outcome: input.outcome })
			.where(eq(safetyAlerts.id, alertId))
			.run();
		tx.insert(safetyAlertEvents)
			.values({ alertId, kind: 'closed', at: now, actorId: staffId })
			.run();
		recordAudit(
			tx,
			{
				actorId: staffId,
				action: 'alert.closed',
				subjectUserId: alert.youngPersonId,
				detail: input.outcome
			},
			now
		);
		return true;
	});
}

/** Staff notes on an alert, oldest first, opened. For staff only: the young person's pages never call this. */
export function safetyAlertNotesOf(db: Db, alertId: string) {
	return db
		.select({
			id: safetyAlertNotes.id,
			at: safetyAlertNotes.createdAt,
			author: users.displayName,
			bodySealed: safetyAlertNotes.bodySealed
		})
		.from(safetyAlertNotes)
		.innerJoin(users, eq(users.id, safetyAlertNotes.authorId))
		.where(eq(safetyAlertNotes.alertId, alertId))
		.orderBy(asc(safetyAlertNotes.createdAt))
		.all()
		.map(({ bodySealed, ...note }) => ({ ...note, body: unseal(bodySealed) }));
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
			escalationStep: safetyAlerts.escalationStep,
			closedAt: safetyAlerts.closedAt,
			outcome: safetyAlerts.outcome
		})
		.from(safetyAlerts)
		.innerJoin(users, eq(users.id, safetyAlerts.youngPersonId))
		.where(eq(safetyAlerts.id, alertId))
		.get();
	if (!alert) return null;
	const person = alias(users, 'told_person');
	const toldByEvent = new Map<number, { name: string; reason: ToldReason }[]>();
	for (const row of db
		.select({
			eventId: safetyAlertTold.eventId,
			name: person.displayName,
			reason: safetyAlertTold.reason
		})
		.from(safetyAlertTold)
		.innerJoin(safetyAlertEvents, eq(safetyAlertEvents.id, safetyAlertTold.eventId))
		.innerJoin(person, eq(person.id, safetyAlertTold.userId))
		.where(eq(safetyAlertEvents.alertId, alertId))
		.orderBy(asc(safetyAlertTold.reason), asc(person.displayName))
		.all())
		toldByEvent.set(row.eventId, [...(toldByEvent.get(row.eventId) ?? []), row]);
	const events = db
		.select({
			id: safetyAlertEvents.id,
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
		.all()
		.map(({ id, ...event }) => ({ ...event, told: toldByEvent.get(id) ?? [] }));
	return { ...alert, events };
}

/**
 * Alerts nobody has closed yet about these young people, or about anyone when `youngPeople` is
 * null: those nobody has acknowledged first (longest waiting first), then those someone is
 * dealing with. Who is dealing with each is named.
 */
export function openSafetyAlerts(db: Db, youngPeople: string[] | null) {
	if (youngPeople && !youngPeople.length) return [];
	const acknowledger = alias(users, 'acknowledger');
	return db
		.select({
			id: safetyAlerts.id,
			youngPersonId: safetyAlerts.youngPersonId,
			name: users.displayName,
			raisedAt: safetyAlerts.raisedAt,
			escalationStep: safetyAlerts.escalationStep,
			acknowledgedAt: safetyAlerts.acknowledgedAt,
			acknowledgedBy: acknowledger.displayName
		})
		.from(safetyAlerts)
		.innerJoin(users, eq(users.id, safetyAlerts.youngPersonId))
		.leftJoin(acknowledger, eq(acknowledger.id, safetyAlerts.acknowledgedBy))
		.where(
			and(
				isNull(safetyAlerts.closedAt),
				youngPeople ? inArray(safetyAlerts.youngPersonId, youngPeople) : undefined
			)
		)
		.orderBy(sql`${safetyAlerts.acknowledgedAt} is not null`, asc(safetyAlerts.raisedAt))
		.all();
}

/**
 * What a young person may know of one of their alerts: when, whether a worker has seen it, and
 * whether it was dealt with. Never who, and never a staff note. Null when it is not theirs.
 */
export function myAlertStatus(db: Db, youngPersonId: string, alertId: string) {
	return myAlerts(db, youngPersonId, alertId)[0] ?? null;
}

/** A young person's own alerts, newest first, as `myAlertStatus` describes them. */
export function myAlerts(db: Db, youngPersonId: string, alertId?: string) {
	return db
		.select({
			id: safetyAlerts.id,
			raisedAt: safetyAlerts.raisedAt,
			seen: sql<boolean>`${safetyAlerts.acknowledgedAt} is not null`.mapWith(Boolean),
			dealtWith: sql<boolean>`${safetyAlerts.closedAt} is not null`.mapWith(Boolean),
			// An officer raised it for them (a safeguarding concern): they never said they felt unsafe.
			raisedForThem:
				sql<boolean>`${safetyAlerts.source} in ('forum_issue', 'pledge_comment')`.mapWith(Boolean)
		})
		.from(safetyAlerts)
		.where(
			and(
				eq(safetyAlerts.youngPersonId, youngPersonId),
				alertId ? eq(safetyAlerts.id, alertId) : undefined
			)
		)
		.orderBy(desc(safetyAlerts.raisedAt))
		.limit(alertId ? 1 : 20)
		.all();
}
