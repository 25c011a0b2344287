/**
 * Phone numbers inside sentences. In a right-to-left page the browser lays out "0800 1111" as
 * "1111 0800" (the space between the two groups takes the page's direction), and a narrow phone
 * may break a number over two lines. Finding each number lets the page show it left to right and
 * in one piece, whatever the sentence's language.
 */

/** A run of the sentence: words, or one phone number. */
export interface PhonePart {
	text: string;
	phone: boolean;
}

// Digits, optionally led by +, with single spaces between groups: "999", "0800 1111",
// "01632 960 999", "+44 20 7946 0000". Three digits at least, so "3 months" stays words.
const NUMBER = /\+?\d(?: ?\d)*/g;

/** The sentence split into words and phone numbers, in reading order. */
export function phoneParts(sentence: string): PhonePart[] {
	const parts: PhonePart[] = [];
	let from = 0;
	for (const match of sentence.matchAll(NUMBER)) {
		if (match[0].replace(/\D/g, '').length < 3) continue;
		if (match.index > from) parts.push({ text: sentence.slice(from, match.index), phone: false });
		parts.push({ text: match[0], phone: true });
		from = match.index + match[0].length;
	}
	if (from < sentence.length) parts.push({ text: sentence.slice(from), phone: false });
	return parts;
}

/** What a phone dials for a number as people write it: "0800 1111" is tel:08001111. */
export function telHref(number: string): string {
	return `tel:${number.replace(/[^\d+]/g, '')}`;
}
