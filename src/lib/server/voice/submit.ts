import { isTemplateId, TEMPLATES, withExpressMood, type TemplateId } from '$lib/domain/voice';
import { parseStatement, replySchema } from '$lib/server/voice/schemas';
import type { z } from 'zod';
import type { FieldErrors } from '../http/form';
import type { Db } from '../db';
import { durably } from '../db/durable';
import { m } from '$lib/paraglide/messages';
import { addMessage, sendStatement } from './statements';
import { raiseSafetyAlert } from './safety';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { safetyAlerts } from '../db/schema';

export type SubmitResult =
	| { ok: true; id: string; alertId: string | null }
	| { ok: false; status: 400 | 404; errors: FieldErrors };

/**
 * Check and send a statement, from the form or from the offline queue: one path for both, so
 * both give the same messages and neither can store what the other would refuse.
 */
export function submitStatement(
	db: Db,
	youngPersonId: string,
	templateId: string,
	input: {
		answers: Record<string, unknown>;
		recipientId: unknown;
		clientKey: unknown;
		language?: unknown;
	},
	now: Date,
	madeWithId: string | null = null
): SubmitResult {
	if (!isTemplateId(templateId))
		return { ok: false, status: 404, errors: { form: m.error_not_found() } };
	const template = TEMPLATES[templateId as TemplateId];
	const answers = template.express ? withExpressMood(input.answers) : input.answers;
	const parsed = parseStatement(template, { ...input, answers });
	if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
	const sent = durably(db, () =>
		sendStatement(
			db,
			{
				youngPersonId,
				template: template.id,
				answers: parsed.answers,
				recipientId: parsed.recipientId,
				clientKey: parsed.clientKey,
				language: parsed.language,
				madeWithId
			},
			now
		)
	);
	if (!sent.ok) {
		if (sent.reason === 'template')
			return { ok: false, status: 404, errors: { form: m.error_not_found() } };
		return { ok: false, status: 400, errors: { recipientId: m.voice_error_recipient() } };
	}
	return { ok: true, id: sent.id, alertId: sent.alertId };
}

/** "I feel unsafe", from the button or from the offline queue. */
export function submitUnsafe(db: Db, youngPersonId: string, clientKey: string, now: Date) {
	return durably(db, () =>
		raiseSafetyAlert(db, { youngPersonId, clientKey: `button:${clientKey}` }, now)
	);
}

/** The alert key of a picture-mode round: the statement sent at its end carries the same key. */
const pictureAlertKey = (roundKey: string) => `statement:${roundKey}`;

/**
 * Picture mode's Scared tap: raise the safety alert at the tap. While an alert raised this way
 * is open and its picture not yet sent, a second tap (or Back and tap again, which brings a
 * fresh page and key) joins it instead of raising another. Returns the round's key, which the
 * next steps carry to Send, and the alert.
 */
export function raisePictureAlert(db: Db, youngPersonId: string, clientKey: string, now: Date) {
	return durably(db, () =>
		db.transaction((tx) => {
			const open = tx
				.select({ clientKey: safetyAlerts.clientKey })
				.from(safetyAlerts)
				.where(
					and(
						eq(safetyAlerts.youngPersonId, youngPersonId),
						eq(safetyAlerts.source, 'picture'),
						isNull(safetyAlerts.statementId),
						isNull(safetyAlerts.acknowledgedAt)
					)
				)
				.orderBy(desc(safetyAlerts.raisedAt))
				.get();
			const roundKey = open ? open.clientKey.slice(pictureAlertKey('').length) : clientKey;
			const alert = raiseSafetyAlert(
				tx,
				{ youngPersonId, clientKey: pictureAlertKey(roundKey), source: 'picture' },
				now
			);
			return { roundKey, alertId: alert.id };
		})
	);
}

/** The alert a picture-mode round raised, if it did: the young person's own, found by key. */
export function pictureAlert(db: Db, youngPersonId: string, roundKey: string) {
	return (
		db
			.select({ id: safetyAlerts.id, acknowledgedAt: safetyAlerts.acknowledgedAt })
			.from(safetyAlerts)
			.where(
				and(
					eq(safetyAlerts.youngPersonId, youngPersonId),
					eq(safetyAlerts.clientKey, pictureAlertKey(roundKey))
				)
			)
			.get() ?? null
	);
}

/**
 * Add a reply from a posted form, by whoever may (the caller has checked). Returns the 400 to
 * send back, with the words kept, when the reply is empty or too long; null when it is saved.
 */
/** A reply in a statement's conversation, from the young person or staff; a form key keeps it once. */
export function replyToStatement(
	db: Db,
	reply: { statementId: string; authorId: string } & z.output<typeof replySchema>,
	now: Date
): void {
	durably(db, () => addMessage(db, reply, now));
}
