import { m } from '$lib/paraglide/messages';

const messages = m as unknown as Record<string, (() => string) | undefined>;

/**
 * The interface words for a message named at run time (a template's question, a choice). Without
 * a fallback a missing message is a mistake in Hearth, and throws.
 */
export function say(key: string, fallback?: string): string {
	const message = messages[key];
	if (!message) {
		if (fallback !== undefined) return fallback;
		throw new Error(`No interface words for ${key}`);
	}
	return message();
}
