import { fail } from '@sveltejs/kit';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Fields never sent back to the browser, even after a mistake. */
const SECRET_FIELDS = new Set(['password', 'passwordAgain', 'currentPassword', 'token']);

/** The form's values as plain strings (or string lists for repeated names), without secrets. */
export function formValues(formData: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const key of new Set(formData.keys())) {
		if (SECRET_FIELDS.has(key)) continue;
		const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = all.length > 1 ? all : (all[0] ?? '');
	}
	return values;
}

/** The first message for each field, keyed by its dotted path. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || 'form';
		errors[key] ??= issue.message;
	}
	return errors;
}

/** A 400 that keeps what was typed and says what to fix, beside each field. */
export function invalid(formData: FormData, errors: FieldErrors, status = 400) {
	return fail(status, { values: formValues(formData), errors });
}

/**
 * Parse input with a schema. On failure, `failure` is the response to return from the action.
 */
export function parseForm<T extends z.ZodType>(
	schema: T,
	input: unknown,
	formData: FormData
): { ok: true; data: z.output<T> } | { ok: false; failure: ReturnType<typeof invalid> } {
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, failure: invalid(formData, fieldErrors(result.error)) };
}

/** A text field from a form, '' when missing or a file. */
export function text(formData: FormData, name: string): string {
	const value = formData.get(name);
	return typeof value === 'string' ? value : '';
}
