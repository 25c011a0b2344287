import { z } from 'zod';
import type { AgeBand } from './reviews';

/**
 * "Have your say": what a child tells their review before the meeting. Questions adapt to age:
 * the youngest get fewer, simpler ones; teenagers are also asked whether they want to chair part
 * of it. The words for each id are interface messages (review_q_<id>, review_opt_<option>).
 */
export const LIFE_AREAS = ['home', 'school', 'health', 'family_time', 'friends'] as const;
export const AREA_FEELINGS = ['good', 'okay', 'not_good'] as const;

export type ConsultationQuestion =
	| { id: string; kind: 'text'; bands: readonly AgeBand[] }
	| { id: string; kind: 'choice'; options: readonly string[]; bands: readonly AgeBand[] };

const ALL: readonly AgeBand[] = ['under_8', '8_to_12', '13_plus'];
const EIGHT_UP: readonly AgeBand[] = ['8_to_12', '13_plus'];
const TEENS: readonly AgeBand[] = ['13_plus'];
const YES_NO = ['yes', 'no', 'not_sure'] as const;

export const CONSULTATION_QUESTIONS: readonly ConsultationQuestion[] = [
	...LIFE_AREAS.map((area) => ({
		id: `area_${area}`,
		kind: 'choice' as const,
		options: AREA_FEELINGS,
		bands: ALL
	})),
	{ id: 'going_well', kind: 'text', bands: ALL },
	{ id: 'not_going_well', kind: 'text', bands: ALL },
	{ id: 'want_to_happen', kind: 'text', bands: ALL },
	{ id: 'who_there', kind: 'text', bands: ALL },
	{ id: 'who_not', kind: 'text', bands: EIGHT_UP },
	{ id: 'where_when', kind: 'text', bands: EIGHT_UP },
	{ id: 'chair', kind: 'choice', options: YES_NO, bands: TEENS },
	{ id: 'not_in_front', kind: 'text', bands: EIGHT_UP },
	{ id: 'advocate', kind: 'choice', options: YES_NO, bands: ALL },
	{ id: 'iro_alone', kind: 'choice', options: YES_NO, bands: EIGHT_UP }
];

export function questionsFor(band: AgeBand): ConsultationQuestion[] {
	return CONSULTATION_QUESTIONS.filter((question) => question.bands.includes(band));
}

export const CONSULTATION_MAX_TEXT = 5000;
export type ConsultationAnswers = Record<string, string | undefined>;

/** Error codes; the page says them in words (review_error_<code>). */
export const CONSULTATION_ERRORS = {
	tooLong: 'too_long',
	choice: 'choice',
	empty: 'empty'
} as const;

/**
 * The schema for one age group's answers. Saving a draft takes anything valid, even nothing;
 * sending needs at least one answer. Questions for other ages are dropped, never stored.
 */
export function consultationSchema(band: AgeBand, sending: boolean) {
	const shape: Record<string, z.ZodType> = {};
	for (const question of questionsFor(band)) {
		shape[question.id] =
			question.kind === 'text'
				? z
						.string({ error: CONSULTATION_ERRORS.tooLong })
						.trim()
						.max(CONSULTATION_MAX_TEXT, { error: CONSULTATION_ERRORS.tooLong })
						.optional()
						.transform((value) => value || undefined)
				: z
						.union([z.literal(''), z.enum(question.options as [string, ...string[]])], {
							error: CONSULTATION_ERRORS.choice
						})
						.optional()
						.transform((value) => value || undefined);
	}
	return z
		.object(shape)
		.refine((answers) => !sending || Object.values(answers).some((v) => v !== undefined), {
			error: CONSULTATION_ERRORS.empty,
			path: ['form']
		}) as unknown as z.ZodType<ConsultationAnswers>;
}
