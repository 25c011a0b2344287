import type { z } from 'zod';
import { expressChoiceSchema } from '$lib/server/preferences/schemas';
import { conditionsSchema, resetCodeSchema } from '$lib/server/people/schemas';
import { createResetCode } from '$lib/server/accounts/invitations';
import { requireRecord } from '$lib/server/auth/guard';
import type { SignedInContext } from '$lib/server/http/context';
import {
	action,
	formActions,
	notFound,
	page,
	refuse,
	type ActionEvent
} from '$lib/server/http/handlers';
import { isLinked, setConditions, youngPersonRecord } from '$lib/server/people/young-people';
import { expressState, setExpress } from '$lib/server/preferences/express';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The young person's record, for staff who may open it (audited either way), or 404. */
function openRecord(ctx: SignedInContext, event: Pick<ActionEvent, 'params' | 'url'>) {
	requireRecord(ctx, event.params.id, event.url.pathname);
	const record = youngPersonRecord(ctx.db, event.params.id, ctx.today);
	if (!record) notFound();
	return record;
}

/** A form about this young person: their record is opened first, before anything is read. */
function aboutRecord<S extends z.ZodType>(schema: S) {
	return (ctx: SignedInContext, event: ActionEvent) => {
		requireRecord(ctx, event.params.id, event.url.pathname);
		return schema;
	};
}

export const load = page('openRecords', (ctx, event) => {
	const record = openRecord(ctx, event);
	// A manager who is not linked to them must say why before making a new-password code.
	const resetNeedsReason = !isLinked(ctx.db, ctx.user.id, event.params.id, ctx.today);
	const express = expressState(ctx.db, event.params.id, ctx.today);
	return {
		record,
		express: { on: express.on, setting: express.setting, setByName: express.setByName },
		resetNeedsReason
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	/** Picture mode for a young person: a linked worker can switch it on or off (audited). */
	express: action('openRecords', aboutRecord(expressChoiceSchema), (ctx, { express }, event) => {
		if (!youngPersonRecord(ctx.db, event.params.id, ctx.today)) notFound();
		setExpress(ctx.db, event.params.id, express, ctx.user.id, ctx.now);
		return { done: m.record_express_saved() };
	}),
	/**
	 * A forgotten password: a one-time code given to the young person themselves. The worker linked
	 * to them today may make one; a manager who is not must say why (createResetCode decides).
	 */
	resetCode: action('openRecords', aboutRecord(resetCodeSchema), (ctx, { reason }, event) => {
		const record = youngPersonRecord(ctx.db, event.params.id, ctx.today);
		if (!record) notFound();
		const made = createResetCode(
			ctx.db,
			{ makerId: ctx.user.id, userId: event.params.id, reason },
			ctx.now
		);
		if (!made.ok)
			return refuse({
				reason: made.why === 'reason_needed' ? m.reset_reason_needed() : m.reset_not_allowed()
			});
		return { resetCode: { code: made.code, expiresAt: made.expiresAt, name: record.name } };
	}),
	/** A linked worker records the young person's situation, which the Local Offer depends on. */
	conditions: action('openRecords', aboutRecord(conditionsSchema), (ctx, { conditions }, event) => {
		if (!youngPersonRecord(ctx.db, event.params.id, ctx.today)) notFound();
		setConditions(ctx.db, ctx.user.id, event.params.id, conditions, ctx.now);
		return { done: m.record_conditions_saved() };
	})
}) satisfies Actions;
