import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { error, isHttpError } from '@sveltejs/kit';
import { createContext, type SignedInContext } from '$lib/server/http/context';
import { action, formActions, type ActionEvent } from '$lib/server/http/handlers';

const worker = { id: 'u1', username: 'sam', displayName: 'Sam', roles: ['worker' as const] };

/** A form post as SvelteKit hands it to an action, with the request's context already made. */
function post(fields: Record<string, string>) {
	const request = new Request('http://hearth.test/work/x', {
		method: 'POST',
		body: new URLSearchParams(fields)
	});
	const event = {
		request,
		url: new URL(request.url),
		params: { id: 'x' },
		locals: {
			user: worker,
			context: createContext({ user: worker, now: new Date('2026-11-23T10:00:00Z') })
		},
		getClientAddress: () => '127.0.0.1'
	};
	return { request, event: event as unknown as ActionEvent };
}

describe('a form made for the request', () => {
	const dayFrom = (ctx: SignedInContext) =>
		z.object({ day: z.string().refine((day) => day >= ctx.today, { error: 'From today on' }) });
	const { book } = formActions({
		book: action('useWorkArea', dayFrom, (_ctx, { day }) => ({ done: `Booked ${day}` }))
	});

	it("checks the form against the request's own today", async () => {
		expect(await book(post({ day: '2026-11-22' }).event)).toMatchObject({
			status: 400,
			data: { form: 'book', values: { day: '2026-11-22' }, errors: { day: 'From today on' } }
		});
		expect(await book(post({ day: '2026-11-23' }).event)).toEqual({
			form: 'book',
			done: 'Booked 2026-11-23'
		});
	});

	it('refuses before the form is read when making it throws', async () => {
		const { guarded } = formActions({
			guarded: action(
				'useWorkArea',
				() => error(403, 'Not yours'),
				() => ({ done: 'never' })
			)
		});
		const { request, event } = post({ day: '2026-11-23' });
		const refused = await guarded(event).catch((thrown: unknown) => thrown);
		expect(isHttpError(refused, 403)).toBe(true);
		expect(request.bodyUsed).toBe(false);
	});
});
