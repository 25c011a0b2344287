import { describe, expect, it } from 'vitest';
import { phoneParts, telHref } from '$lib/domain/phone-numbers';

describe('phoneParts', () => {
	it('finds each number in a sentence, in any language, and keeps the words around it', () => {
		expect(
			phoneParts('If you are in danger now, call 999. Childline is free on 0800 1111.')
		).toEqual([
			{ text: 'If you are in danger now, call ', phone: false },
			{ text: '999', phone: true },
			{ text: '. Childline is free on ', phone: false },
			{ text: '0800 1111', phone: true },
			{ text: '.', phone: false }
		]);
		expect(phoneParts('Childline: اتصل مجانًا على الرقم 0800 1111، في أي وقت.')).toEqual([
			{ text: 'Childline: اتصل مجانًا على الرقم ', phone: false },
			{ text: '0800 1111', phone: true },
			{ text: '، في أي وقت.', phone: false }
		]);
	});
	it('takes a whole number with its groups and a leading +, and a bare number alone', () => {
		expect(phoneParts('Out of hours: 01632 960 999')[1]).toEqual({
			text: '01632 960 999',
			phone: true
		});
		expect(phoneParts('+44 20 7946 0000')).toEqual([{ text: '+44 20 7946 0000', phone: true }]);
	});
	it('leaves short numbers as words', () => {
		expect(phoneParts('Every 6 months, 25 at most')).toEqual([
			{ text: 'Every 6 months, 25 at most', phone: false }
		]);
	});
});

describe('telHref', () => {
	it('dials the digits only', () => {
		expect(telHref('0800 1111')).toBe('tel:08001111');
		expect(telHref('+44 20 7946 0000')).toBe('tel:+442079460000');
	});
});
