import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

const code = z
	.string()
	.trim()
	.min(1, { error: () => m.second_factor_code_required() })
	.max(20, { error: () => m.second_factor_code_wrong() });

export const totpCodeSchema = z.object({ code });

export const recoveryCodeSchema = z.object({
	recoveryCode: z
		.string()
		.trim()
		.min(1, { error: () => m.second_factor_recovery_required() })
		.max(40, { error: () => m.second_factor_recovery_wrong() })
});

export const totpSetupSchema = z.object({
	code,
	sealedKey: z.string().min(1).max(500)
});
