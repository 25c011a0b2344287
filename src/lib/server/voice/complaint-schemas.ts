import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

const words = (empty: () => string) =>
	z
		.string()
		.trim()
		.min(1, { error: empty })
		.max(4000, { error: () => m.error_too_long() });

/** Taking stage 1's extra 10 working days: the record must say why. */
export const extendComplaintSchema = z.object({
	reason: words(() => m.complaint_error_reason())
});

/** The stage-1 answer, in words the young person will read. */
export const answerComplaintSchema = z.object({
	answer: words(() => m.complaint_error_answer())
});

/** An advocacy request given to the service. */
export const passOnSchema = z.object({ requestId: z.string().min(1).max(64) });
