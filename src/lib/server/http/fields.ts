import { z } from 'zod';
import { isIsoDate } from '$lib/domain/people';
import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/domain/passwords';
import { isCommonPassword } from '$lib/server/accounts/common-passwords';
import { m } from '$lib/paraglide/messages';

// Messages are functions so they are read in the language of the request being checked.

export const username = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9._-]{3,32}$/, { error: () => m.error_username_format() });

/** From PASSWORD_MIN to PASSWORD_MAX characters, any characters, and not one of the most used. */
export const newPassword = z
	.string()
	.min(PASSWORD_MIN, { error: () => m.error_password_short({ min: PASSWORD_MIN }) })
	.max(PASSWORD_MAX, { error: () => m.error_password_long({ max: PASSWORD_MAX }) })
	.refine((password) => !isCommonPassword(password), {
		error: () => m.error_password_common()
	});

export const personName = z
	.string()
	.trim()
	.min(1, { error: () => m.error_name_required() })
	.max(80, { error: () => m.error_name_long() });

export const isoDate = z
	.string()
	.trim()
	.refine(isIsoDate, { error: () => m.error_date() });

export const optionalIsoDate = z
	.string()
	.trim()
	.optional()
	.transform((value) => value || undefined)
	.refine((value) => value === undefined || isIsoDate(value), { error: () => m.error_date() });

/**
 * The council's contact email, which push services are given (VAPID's contact): a real address,
 * since one at .invalid can never be reached and Hearth sends no pushes without one.
 */
export const councilEmail = z
	.email({ error: () => m.error_email() })
	.max(200)
	.refine((value) => !/\.invalid\.?$/i.test(value), {
		error: () => m.error_email_unreachable()
	});

/**
 * A phone number as people write it, or nothing: digits and spaces, perhaps led by +. The
 * council's numbers and staff work phones both use it, so each is shown and dialled the same way.
 */
export const optionalPhone = z
	.string()
	.trim()
	.max(30, { error: () => m.error_phone() })
	.regex(/^(\+?[0-9][0-9 ]{5,})?$/, { error: () => m.error_phone() })
	.transform((value) => value || null);
