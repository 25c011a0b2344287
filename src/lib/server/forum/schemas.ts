import { z } from 'zod';
import { isIsoDate } from '$lib/domain/people';
import {
	ALLEGATIONS,
	CHOSEN_ACTION_STATUSES,
	ENTERED_MEASURES,
	HELPED,
	ISSUE_TEXT_MAX,
	ISSUE_TITLE_MAX,
	needsLado
} from '$lib/domain/forum';
import { m } from '$lib/paraglide/messages';

const words = (max: number, empty: () => string) =>
	z
		.string()
		.trim()
		.min(1, { error: empty })
		.max(max, { error: () => m.forum_error_too_long({ max }) });

export const issueTextSchema = z.object({
	title: words(ISSUE_TITLE_MAX, () => m.forum_error_title()),
	whatIsWrong: words(ISSUE_TEXT_MAX, () => m.forum_error_wrong()),
	whatToChange: words(ISSUE_TEXT_MAX, () => m.forum_error_change())
});

export const raiseSchema = issueTextSchema.extend({
	forumId: z
		.string()
		.min(1, { error: () => m.error_choose_one() })
		.max(64),
	/** The "show my name to the Board" checkbox: ticked sends 'yes', unticked sends nothing. */
	named: z.string().transform((value) => value === 'yes')
});

export const reasonSchema = z.object({ reason: words(1000, () => m.forum_error_reason()) });
/** Why a young person reports an issue: required, so the officer knows what to look at. */
export const reportSchema = z.object({ reason: words(1000, () => m.forum_error_report()) });

const optionalWords = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.forum_error_too_long({ max }) })
		.transform((v) => v || null);

/**
 * An officer's safeguarding concern: why, whether it is an allegation against staff or a
 * carer, and for an allegation the LADO contact (required) and reference.
 */
export const concernSchema = z
	.object({
		note: words(ISSUE_TEXT_MAX, () => m.concern_error_note()),
		allegation: z.enum(ALLEGATIONS, { error: () => m.error_choose_one() }),
		ladoContact: optionalWords(200),
		ladoReference: optionalWords(100)
	})
	.superRefine((value, ctx) => {
		if (needsLado(value.allegation) && !value.ladoContact)
			ctx.addIssue({ code: 'custom', path: ['ladoContact'], message: m.concern_error_lado() });
	});
export const answerTextSchema = z.object({
	answer: words(ISSUE_TEXT_MAX, () => m.forum_error_answer())
});
export const mergeSchema = z.object({
	into: z
		.string()
		.min(1, { error: () => m.error_choose_one() })
		.max(64)
});
export const helpedSchema = z.object({
	helped: z.enum(HELPED, { error: () => m.error_choose_one() })
});

const isoDate = z
	.string()
	.trim()
	.refine(isIsoDate, { error: () => m.error_date() });

export const meetingSchema = z.object({
	meetingOn: isoDate,
	place: words(200, () => m.error_place())
});

export const agendaSchema = z.object({
	issueId: z.string().max(64).optional(),
	title: z
		.string()
		.trim()
		.max(ISSUE_TITLE_MAX, { error: () => m.forum_error_too_long({ max: ISSUE_TITLE_MAX }) })
});

export const minutesSchema = z.object({
	attendees: z
		.string()
		.trim()
		.max(2000, { error: () => m.forum_error_too_long({ max: 2000 }) }),
	minutes: z
		.string()
		.trim()
		.max(20000, { error: () => m.forum_error_too_long({ max: 20000 }) })
});

/** A new action: what, who, and a due date from today on. */
export function actionSchema(today: string) {
	return z.object({
		what: words(500, () => m.forum_error_action()),
		ownerId: z
			.string()
			.min(1, { error: () => m.error_choose_one() })
			.max(64),
		dueOn: isoDate.refine((day) => day >= today, { error: () => m.error_date_past() }),
		issueId: z
			.string()
			.max(64)
			.transform((v) => v || null)
	});
}

export const actionUpdateSchema = z.object({
	status: z.enum(CHOSEN_ACTION_STATUSES, { error: () => m.error_choose_one() }),
	progress: z.coerce
		.number({ error: () => m.forum_error_progress() })
		.int({ error: () => m.forum_error_progress() })
		.min(0, { error: () => m.forum_error_progress() })
		.max(100, { error: () => m.forum_error_progress() }),
	note: words(2000, () => m.forum_error_note())
});

const optionalNumber = z
	.string()
	.trim()
	.transform((v, ctx) => {
		if (!v) return null;
		const n = Number(v);
		if (!Number.isFinite(n) || n < 0 || n > 100000) {
			ctx.addIssue({ code: 'custom', message: m.forum_error_number() });
			return z.NEVER;
		}
		return n;
	});

export const entrySchema = z.object({
	measure: z.enum(ENTERED_MEASURES.map((e) => e.id) as [string, ...string[]], {
		error: () => m.error_choose_one()
	}),
	quarter: z.string().regex(/^\d{4}-Q[1-4]$/, { error: () => m.error_choose_one() }),
	value: optionalNumber.refine((v) => v !== null, { error: () => m.forum_error_number() }),
	target: optionalNumber,
	national: optionalNumber,
	regional: optionalNumber
});
