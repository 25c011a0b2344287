import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/** A worker's own username and password, given on the young person's phone. */
export const withMeSchema = z.object({
	username: z
		.string()
		.trim()
		.min(1, { error: () => m.with_me_error_username() })
		.max(64, { error: () => m.with_me_error_username() }),
	password: z
		.string()
		.min(1, { error: () => m.with_me_error_password() })
		.max(256, { error: () => m.with_me_error_password() })
});
