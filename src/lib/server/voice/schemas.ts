import { z } from 'zod';
import {
	ALERT_OUTCOMES,
	EXPRESS_FEELINGS,
	MAX_TEXT,
	THEMES,
	answersSchema,
	type Answers,
	type Template
} from '$lib/domain/voice';
import { voiceError } from '$lib/words/voice-labels';
import { isLanguageCode } from '$lib/domain/languages';
import { fieldErrors, type FieldErrors } from '$lib/server/http/form';
import { m } from '$lib/paraglide/messages';

/** A client key: made on the device for each form so a form sent twice is kept once. */
export const clientKeySchema = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * A statement as its form posts it: only the shape. What it says is checked by submitStatement,
 * the one gate the form, picture mode and the offline queue share, so none of them can store
 * what another would refuse. `answers` are the template's questions, read by answersInput.
 */
export const statementFormSchema = z.object({
	answers: z.record(z.string(), z.unknown()),
	recipientId: z.string(),
	clientKey: z.string(),
	language: z.string()
});

/** Picture mode's Send: the two taps and who it goes to, checked by submitStatement as above. */
export const expressSendSchema = z.object({
	feeling: z.string(),
	want: z.string(),
	recipientId: z.string(),
	clientKey: z.string()
});

/**
 * A feeling tapped in picture mode, with the round's key. Either one made up or missing comes
 * back as null (never a refusal): the page then starts the round again.
 */
export const expressFeelingSchema = z.object({
	feeling: z.enum(EXPRESS_FEELINGS).nullable().catch(null),
	clientKey: clientKeySchema.nullable().catch(null)
});

/** The answers in a submitted form (or JSON body), shaped for the template's schema. */
export function answersInput(
	template: Template,
	get: (name: string) => string | null,
	getAll: (name: string) => string[]
): Record<string, unknown> {
	const input: Record<string, unknown> = { mood: get('mood') || undefined };
	for (const question of template.questions) {
		input[question.id] = question.kind === 'text' ? (get(question.id) ?? '') : getAll(question.id);
	}
	return input;
}

export type StatementParse =
	| { ok: true; answers: Answers; recipientId: string; clientKey: string; language: string }
	| { ok: false; errors: FieldErrors };

/** Check a statement: the template's answers, who it goes to, and the form's own key. */
export function parseStatement(
	template: Template,
	input: {
		answers: Record<string, unknown>;
		recipientId: unknown;
		clientKey: unknown;
		language?: unknown;
	}
): StatementParse {
	const errors: FieldErrors = {};
	const answers = answersSchema(template).safeParse(input.answers);
	if (!answers.success) {
		for (const [path, code] of Object.entries(fieldErrors(answers.error)))
			errors[path.split('.')[0]] ??= voiceError(code);
	}
	const recipient = z.string().min(1).max(64).safeParse(input.recipientId);
	if (!recipient.success) errors.recipientId = m.voice_error_recipient();
	const clientKey = clientKeySchema.safeParse(input.clientKey);
	if (!clientKey.success) errors.form ??= m.error_general();
	// Not said (an older page, the offline queue): English, as before languages were asked.
	const language = languageSchema.safeParse(input.language || 'en');
	if (!language.success) errors.language = m.language_error();
	if (!answers.success || !recipient.success || !clientKey.success || !language.success)
		return { ok: false, errors };
	return {
		ok: true,
		answers: answers.data as Answers,
		recipientId: recipient.data,
		clientKey: clientKey.data,
		language: language.data
	};
}

/** The language a young person says they wrote in: any Hearth knows of, shipped or not. */
export const languageSchema = z.string().refine(isLanguageCode);

export const replySchema = z.object({
	body: z
		.string()
		.trim()
		.min(1, { error: () => m.voice_error_reply_empty() })
		.max(MAX_TEXT, { error: () => voiceError('too_long') }),
	clientKey: clientKeySchema
});

export const themesSchema = z.object({ themes: z.array(z.enum(THEMES)).max(THEMES.length) });

/** "Pass it on": to whom, and a hand-over note saying why (required: the record must say). */
export const reassignSchema = z.object({
	staffId: z
		.string()
		.min(1, { error: () => m.error_choose_one() })
		.max(64),
	note: z
		.string()
		.trim()
		.min(1, { error: () => m.statement_handover_note_needed() })
		.max(2000, { error: () => m.error_too_long() }),
	clientKey: z.string().min(1).max(64)
});

/** What a member of staff did about a safety alert, in a few words. */
export const ALERT_NOTE_MAX = 2000;
const alertNote = z
	.string()
	.trim()
	.min(1, { error: () => m.alert_error_note_empty() })
	.max(ALERT_NOTE_MAX, { error: () => m.alert_error_note_long() });

export const alertNoteSchema = z.object({ note: alertNote });

export const closeAlertSchema = z.object({
	outcome: z.enum(ALERT_OUTCOMES, { error: () => m.alert_error_outcome() }),
	closeNote: alertNote
});

/** A manager going on or off duty (who is told of safety alerts at night). */
export const dutySchema = z.object({ onDuty: z.enum(['on', 'off']) });
