import { describe, expect, it } from 'vitest';
import { formToOutboxItem, keptForm } from '$lib/outbox';

const url = (path: string) => new URL(path, 'http://localhost');
const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
};

describe('what the service worker keeps when a form is sent with no signal', () => {
	it('knows only "I feel unsafe" and a statement being sent', () => {
		expect(keptForm(url('/me/unsafe'))).toEqual({ kind: 'unsafe' });
		expect(keptForm(url('/me/say/feeling?/send'))).toEqual({
			kind: 'statement',
			template: 'feeling'
		});
		// A picture-mode feeling sent with no signal is kept the same way.
		expect(keptForm(url('/me/express?feeling=sad&want=talk&/send'))).toEqual({
			kind: 'statement',
			template: 'express'
		});
		for (const other of [
			'/me/express',
			'/me/say/feeling',
			'/me/say/feeling?/other',
			'/signin',
			'/me/say/../x?/send'
		])
			expect(keptForm(url(other)), other).toBeNull();
	});

	it('keeps a statement as the form had it, one value or many', () => {
		const item = formToOutboxItem(
			url('/me/say/feeling?/send'),
			form([
				['clientKey', 'key-12345678'],
				['owner', 'amira-id'],
				['recipientId', 'worker-id'],
				['mood', 'sad'],
				['feelings', 'tired'],
				['feelings', 'worried'],
				['more', 'A long day.']
			]),
			1000
		);
		expect(item).toEqual({
			key: 'key-12345678',
			owner: 'amira-id',
			kind: 'statement',
			template: 'feeling',
			body: {
				answers: { mood: 'sad', feelings: ['tired', 'worried'], more: 'A long day.' },
				recipientId: 'worker-id',
				clientKey: 'key-12345678'
			},
			createdAt: 1000,
			state: 'waiting'
		});
	});

	it('keeps "I feel unsafe" by its key, and nothing without a key and an owner', () => {
		const fields: [string, string][] = [
			['clientKey', 'key-12345678'],
			['owner', 'amira-id']
		];
		expect(formToOutboxItem(url('/me/unsafe'), form(fields))).toMatchObject({
			kind: 'unsafe',
			body: { clientKey: 'key-12345678' }
		});
		expect(formToOutboxItem(url('/me/unsafe'), form([fields[0]]))).toBeNull();
		expect(formToOutboxItem(url('/me/unsafe'), form([fields[1]]))).toBeNull();
		expect(formToOutboxItem(url('/signin'), form(fields))).toBeNull();
	});
});
