import { fail } from '@sveltejs/kit';
import { z } from 'zod';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

/** Fields never sent back to the browser, even after a mistake. */
const SECRET_FIELDS = new Set(['password', 'passwordAgain', 'currentPassword', 'token']);

/** The form's values as plain strings (or string lists for repeated names), without secrets. */
export function formValues(formData: FormData): FormValues {
	const values: FormValues = {};
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

/** A text field from a form, '' when missing or a file. */
export function text(formData: FormData, name: string): string {
	const value = formData.get(name);
	return typeof value === 'string' ? value : '';
}

/** How a field is read from a form: one text, every value of a repeated name, or a file. */
type FieldKind = 'text' | 'list' | 'file';

/** Wrappers that do not change how a field is sent: optional, default, nullable, a pipe's input. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
	let current = schema;
	for (let depth = 0; depth < 10; depth++) {
		const def = current._zod.def as {
			type: string;
			innerType?: z.core.$ZodType;
			in?: z.core.$ZodType;
		};
		if (def.innerType) current = def.innerType;
		else if (def.type === 'pipe' && def.in) current = def.in;
		else break;
	}
	return current;
}

function fieldKind(schema: z.core.$ZodType): FieldKind {
	const inner = unwrap(schema);
	const type = (inner._zod.def as { type: string }).type;
	if (type === 'array' || type === 'set') return 'list';
	if (
		type === 'file' ||
		(type === 'custom' &&
			inner instanceof z.ZodCustom &&
			inner.safeParse(new File([], 'x')).success)
	)
		return 'file';
	return 'text';
}

/**
 * The input a form schema reads, taken from the posted form by the schema's own keys: a missing
 * text field is '' (as a browser sends an empty box), a list is every value sent under its name,
 * a file is the file. The field names are written once, in the schema.
 */
export function formInput(schema: z.ZodType, formData: FormData): Record<string, unknown> {
	const shape = (unwrap(schema) as Partial<z.ZodObject>).shape;
	if (!shape) throw new Error('A form schema must be a z.object (or give a reader)');
	const input: Record<string, unknown> = {};
	for (const [name, field] of Object.entries(shape)) {
		const kind = fieldKind(field);
		if (kind === 'list')
			input[name] = formData.getAll(name).filter((v): v is string => typeof v === 'string');
		else if (kind === 'file') input[name] = formData.get(name);
		else input[name] = text(formData, name);
	}
	return input;
}
