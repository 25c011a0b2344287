import { error, redirect } from '@sveltejs/kit';
import { requireLinkedYoungPerson } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { youngPersonRecord } from '$lib/server/people/young-people';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { CONDITIONS } from '$lib/domain/offer';
import { setConditions } from '$lib/server/people/young-people';
import { createResetCode } from '$lib/server/accounts/invitations';
import { now } from '$lib/server/clock';
import { expressChoiceSchema } from '$lib/schemas/preferences';
import { expressState, setExpress } from '$lib/server/preferences/express';
import { parseForm, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireLinkedYoungPerson(event, event.params.id);
	const record = youngPersonRecord(getDb(), event.params.id);
	if (!record) error(404, m.error_not_found());
	const express = expressState(getDb(), event.params.id);
	return {
		record,
		express: { on: express.on, setting: express.setting, setByName: express.setByName },
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
		if (!youngPersonRecord(db, event.params.id)) error(404, m.error_not_found());
		setExpress(db, event.params.id, parsed.data.express, user.id, now());
		redirect(303, `/work/young-people/${event.params.id}?express-saved`);
	},
	/** A forgotten password: a one-time code the worker gives the young person themselves. */
	resetCode: async (event) => {
		const user = requireLinkedYoungPerson(event, event.params.id);
		const db = getDb();
		const record = youngPersonRecord(db, event.params.id);
		if (!record) error(404, m.error_not_found());
		const made = createResetCode(db, user.id, event.params.id, now());
		return { resetCode: { code: made.code, expiresAt: made.expiresAt, name: record.name } };
	},
	/** A linked worker records the young person's situation, which the Local Offer depends on. */
	conditions: async (event) => {
		const user = requireLinkedYoungPerson(event, event.params.id);
		const formData = await event.request.formData();
		const parsed = z.array(z.enum(CONDITIONS)).safeParse(formData.getAll('conditions'));
		if (!parsed.success) error(400, m.error_choose_one());
		if (!youngPersonRecord(getDb(), event.params.id)) error(404, m.error_not_found());
		setConditions(getDb(), user.id, event.params.id, parsed.data);
		redirect(303, `/work/young-people/${event.params.id}?saved`);
	}
};
