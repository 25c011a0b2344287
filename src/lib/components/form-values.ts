/** What someone typed into a field, as the server sent it back after a mistake; '' when nothing. */
export function typedValue(
	form: { values?: Record<string, string | string[]> } | null | undefined,
	name: string
): string {
	const typed = form?.values?.[name];
	return typeof typed === 'string' ? typed : '';
}
