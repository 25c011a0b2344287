import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { councilEmail, newPassword, personName, username } from '$lib/server/http/fields';

export const signInSchema = z.object({
	username: z
		.string()
		.trim()
		.min(1, { error: () => m.error_username_required() })
		.max(64),
	password: z
		.string()
		.min(1, { error: () => m.error_password_required() })
		.max(256)
});

function passwordsMatch(value: { password: string; passwordAgain: string }) {
	return value.password === value.passwordAgain;
}

export const joinSchema = z
	.object({
		code: z
			.string()
			.trim()
			.min(1, { error: () => m.join_code_required() })
			.max(40),
		username,
		password: newPassword,
		passwordAgain: z.string()
	})
	.refine(passwordsMatch, { path: ['passwordAgain'], error: () => m.error_password_mismatch() });

export const setupSchema = z
	.object({
		token: z
			.string()
			.trim()
			.min(1, { error: () => m.setup_token_wrong() })
			.max(200),
		councilName: z
			.string()
			.trim()
			.min(1, { error: () => m.error_council_required() })
			.max(120),
		councilEmail,
		displayName: personName,
		username,
		password: newPassword,
		passwordAgain: z.string()
	})
	.refine(passwordsMatch, { path: ['passwordAgain'], error: () => m.error_password_mismatch() });

export const changePasswordSchema = z
	.object({
		currentPassword: z
			.string()
			.min(1, { error: () => m.error_password_required() })
			.max(256),
		password: newPassword,
		passwordAgain: z.string()
	})
	.refine(passwordsMatch, { path: ['passwordAgain'], error: () => m.error_password_mismatch() });

export const resetSchema = z
	.object({
		code: z
			.string()
			.trim()
			.min(1, { error: () => m.reset_code_required() })
			.max(40),
		password: newPassword,
		passwordAgain: z.string()
	})
	.refine(passwordsMatch, { path: ['passwordAgain'], error: () => m.error_password_mismatch() });

/** Typing the password again on a device quick exit locked. */
export const unlockSchema = z.object({
	password: z
		.string()
		.min(1, { error: () => m.error_password_required() })
		.max(256)
});
