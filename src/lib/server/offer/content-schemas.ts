import { z } from 'zod';
import {
	CARE_LEAVER_CATEGORIES,
	CONDITIONS,
	eligibilityProblem,
	FREQUENCIES,
	OFFER_AREAS
} from '$lib/domain/offer';
import { m } from '$lib/paraglide/messages';

const required = (max: number) =>
	z
		.string()
		.trim()
		.min(1, { error: () => m.error_required() })
		.max(max, { error: () => m.error_too_long() });

const age = z
	.string()
	.trim()
	.refine((v) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) <= 25), {
		error: () => m.error_age()
	})
	.transform((v) => (v === '' ? null : Number(v)));

/** Pounds as typed ("3,200", "£72.50") to whole pence; null when empty. */
const amount = z
	.string()
	.trim()
	.transform((v) => v.replace(/[£,\s]/g, ''))
	.refine((v) => v === '' || /^\d{1,6}(\.\d{1,2})?$/.test(v), { error: () => m.error_amount() })
	.transform((v) => (v === '' ? null : Math.round(Number(v) * 100)));

export const entitlementSchema = z
	.object({
		title: required(120),
		area: z.enum(OFFER_AREAS, { error: () => m.error_choose_one() }),
		summary: required(300),
		details: required(5000),
		amountPence: amount,
		frequency: z.enum(['', ...FREQUENCIES]).transform((v) => (v === '' ? null : v)),
		statutory: z
			.enum(['yes', 'no'], { error: () => m.error_choose_one() })
			.transform((v) => v === 'yes'),
		categories: z.array(z.enum(CARE_LEAVER_CATEGORIES)),
		fromAge: age,
		untilAge: age,
		conditions: z.array(z.enum(CONDITIONS)),
		howToGet: required(1000),
		contact: required(300)
	})
	.superRefine((value, context) => {
		const problem = eligibilityProblem(value);
		if (problem) context.addIssue({ code: 'custom', path: ['untilAge'], message: m.error_ages() });
		if (value.frequency && value.amountPence === null) {
			context.addIssue({
				code: 'custom',
				path: ['frequency'],
				message: m.error_frequency_needs_amount()
			});
		}
	});

export const promiseSchema = z.object({
	promiseId: z
		.string()
		.max(64)
		.transform((v) => v || null),
	themeId: z.string().min(1).max(64),
	text: required(400)
});

/** An id from a list's own form: cut short, never refused (an unknown one changes nothing). */
const listedId = z.string().transform((id) => id.slice(0, 64));

/** Moving an entry one place in its list: anything but "up" moves it down. */
export const moveSchema = z.object({
	id: listedId,
	direction: z
		.string()
		.transform((direction): 'up' | 'down' => (direction === 'up' ? 'up' : 'down'))
});

/** Putting an old version of an entitlement back. */
export const restoreSchema = z.object({ versionId: listedId });
