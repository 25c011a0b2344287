import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { TEMPLATES, isTemplateId } from '$lib/domain/voice';
import { answersInput, clientKeySchema } from '$lib/server/voice/schemas';
import { endpoint } from '$lib/server/http/handlers';
import { readJson } from '$lib/server/json';
import { submitStatement, submitUnsafe } from '$lib/server/voice/submit';
import type { RequestHandler } from './$types';

// Five thousand characters of words can take four bytes each, plus the chips and keys.
const MAX_BODY_BYTES = 24 * 1024;

const envelope = z.object({
	kind: z.enum(['statement', 'unsafe']),
	owner: z.string().min(1).max(64),
	template: z.string().max(40).optional(),
	clientKey: clientKeySchema,
	recipientId: z.unknown().optional(),
	answers: z.record(z.string(), z.unknown()).optional()
});

/**
 * The offline queue's way in: a statement or an "I feel unsafe" written while offline and sent
 * by the service worker later. The same checks as the forms; the same form key is kept once.
 * 'askForHelp' lets in the owner of a device quick exit locked (`ctx.locked`), for an alert only.
 */
export const POST = endpoint('askForHelp', async (ctx, event) => {
	const parsed = envelope.safeParse(await readJson(event, MAX_BODY_BYTES));
	if (!parsed.success) error(400, 'That message is not in the right shape.');
	const body = parsed.data;
	// After quick exit only "I feel unsafe" goes before the password is typed again: a statement
	// waits (423, so the outbox keeps it), an alert never does.
	if (ctx.locked && body.kind !== 'unsafe') return json({ error: 'locked' }, { status: 423 });
	// Written by someone else who used this phone: it waits until they sign in again.
	if (body.owner !== ctx.user.id) return json({ error: 'not_yours' }, { status: 409 });
	if (body.kind === 'unsafe') {
		const alert = submitUnsafe(ctx.db, ctx.user.id, body.clientKey, ctx.now);
		return json({ id: alert.id }, { status: alert.created ? 201 : 200 });
	}
	const templateId = body.template ?? '';
	const answers = body.answers ?? {};
	const shaped = isTemplateId(templateId)
		? answersInput(
				TEMPLATES[templateId],
				(name) => (typeof answers[name] === 'string' ? (answers[name] as string) : null),
				(name) => {
					const value = answers[name];
					return Array.isArray(value) ? value.map(String) : value == null ? [] : [String(value)];
				}
			)
		: {};
	const result = submitStatement(
		ctx.db,
		ctx.user.id,
		templateId,
		{
			answers: shaped,
			recipientId: body.recipientId,
			clientKey: body.clientKey,
			language: answers.language
		},
		ctx.now,
		ctx.withMe()?.workerId ?? null
	);
	if (!result.ok) return json({ errors: result.errors }, { status: result.status });
	return json({ id: result.id, alertId: result.alertId }, { status: 201 });
}) satisfies RequestHandler;
