import type { z } from 'zod';
import { fieldErrors, invalid } from './http/form';

// The form helpers live in ./http/form.ts beside the handler builders. What is left here goes
// when the last route still reading its fields by hand is built with `action()`.
export { fieldErrors, formValues, invalid, text, type FieldErrors } from './http/form';

/** Parse input with a schema. On failure, `failure` is the response to return from the action. */
export function parseForm<T extends z.ZodType>(
	schema: T,
	input: unknown,
	formData: FormData
): { ok: true; data: z.output<T> } | { ok: false; failure: ReturnType<typeof invalid> } {
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, failure: invalid(formData, fieldErrors(result.error)) };
}
