import { error, redirect } from '@sveltejs/kit';
import { requireLinkedYoungPerson } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { youngPersonRecord } from '$lib/server/people/young-people';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { CONDITIONS } from '$lib/domain/offer';
import { setConditions } from '$lib/server/people/young-people';
import { createResetCode } from '$lib/server/accounts/invitations';
import { now, todayInUk } from '$lib/server/clock';
import { expressChoiceSchema } from '$lib/schemas/preferences';
import { expressState, setExpress } from '$lib/server/preferences/express';
import { invalid, parseForm, text } from '$lib/server/forms';
import { RESET_REASONS } from '$lib/domain/reset-codes';
import { isLinked } from '$lib/server/people/young-people';
import { ukToday } from '$lib/domain/people';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireLinkedYoungPerson(event, event.params.id);
	const record = youngPersonRecord(getDb(), event.params.id, todayInUk());
	if (!record) error(404, m.error_not_found());
	// A manager who is not linked to them must say why before making a new-password code.
	const resetNeedsReason = !isLinked(getDb(), user.id, event.params.id, ukToday(now()));
	const express = expressState(getDb(), event.params.id, todayInUk());
	return {
		record,
		express: { on: express.on, setting: express.setting, setByName: express.setByName },
		resetNeedsReason,
		saved: event.url.searchParams.has('saved'),
		expressSaved: event.url.searchParams.has('express-saved')
	};
};

export const actions: Actions = {
	/** Picture mode for a young person: a linked worker can switch it on or off (audited). */
	express: async (event) => {
		const user = requireLinkedYoungPerson(event, event.params.id);
		const formData = await event.request.formData();
		const parsed = parseForm(expressChoiceSchema, { express: text(formData, 'express') }, formData);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		if (!youngPersonRecord(db, event.params.id, todayInUk())) error(404, m.error_not_found());
		setExpress(db, event.params.id, parsed.data.express, user.id, now());
		redirect(303, `/work/young-people/${event.params.id}?express-saved`);
	},
	/**
	 * A forgotten password: a one-time code given to the young person themselves. The worker linked
	 * to them today may make one; a manager who is not must say why (createResetCode decides).
	 */
	resetCode: async (event) => {
		const user = requireLinkedYoungPerson(event, event.params.id);
		const formData = await event.request.formData();
		const db = getDb();
		const record = youngPersonRecord(db, event.params.id, todayInUk());
		if (!record) error(404, m.error_not_found());
		const reason = z.enum(RESET_REASONS).safeParse(text(formData, 'reason'));
		const made = createResetCode(
			db,
			{ makerId: user.id, userId: event.params.id, reason: reason.success ? reason.data : null },
			now()
		);
		if (!made.ok)
			return invalid(formData, {
				reason: made.why === 'reason_needed' ? m.reset_reason_needed() : m.reset_not_allowed()
			});
		return { resetCode: { code: made.code, expiresAt: made.expiresAt, name: record.name } };
	},
	/** A linked worker records the young person's situation, which the Local Offer depends on. */
	conditions: async (event) => {
		const user = requireLinkedYoungPerson(event, event.params.id);
		const formData = await event.request.formData();
		const parsed = z.array(z.enum(CONDITIONS)).safeParse(formData.getAll('conditions'));
		if (!parsed.success) error(400, m.error_choose_one());
		if (!youngPersonRecord(getDb(), event.params.id, todayInUk())) error(404, m.error_not_found());
		setConditions(getDb(), user.id, event.params.id, parsed.data, now());
		redirect(303, `/work/young-people/${event.params.id}?saved`);
	}
};
