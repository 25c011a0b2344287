import { m } from '$lib/paraglide/messages';

const messages = m as unknown as Record<string, (() => string) | undefined>;

/** The interface words for a message named at run time (a template's question, a choice). */
export function say(key: string): string {
	const message = messages[key];
	if (!message) throw new Error(`No interface words for ${key}`);
	return message();
}
