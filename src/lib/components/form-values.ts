/** What a form action sends back: its form's name, and on a mistake the input and the messages. */
export type FormResult =
	| { form?: string; values?: Record<string, string | string[]>; errors?: Record<string, string> }
	| null
	| undefined;

/** What someone typed into a field, as the server sent it back after a mistake; '' when nothing. */
export function typedValue(
	form: { values?: Record<string, string | string[]> } | null | undefined,
	name: string
): string {
	const typed = form?.values?.[name];
	return typeof typed === 'string' ? typed : '';
}

/**
 * The mistake sent back for one form of the page (by its action's name), or null: on a page with
 * several forms, each shows only its own messages and keeps only its own input.
 */
export function problemOf(
	form: unknown,
	name: string
): { values: Record<string, string | string[]>; errors: Record<string, string> } | null {
	const result = form as FormResult;
	if (!result || result.form !== name || !result.errors) return null;
	return { values: result.values ?? {}, errors: result.errors };
}

/** The success message one form's action sent back (`{ done }`), or null. */
export function doneOf(form: unknown, name?: string): string | null {
	const result = form as { form?: string; done?: unknown } | null | undefined;
	if (!result || (name && result.form !== name) || typeof result.done !== 'string') return null;
	return result.done;
}
