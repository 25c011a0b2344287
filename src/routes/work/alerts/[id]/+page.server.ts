import { ukToday } from '$lib/domain/people';
import { alertNoteSchema, closeAlertSchema } from '$lib/schemas/voice';
import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import { parseForm, text } from '$lib/server/forms';
import { requireAlertAccess } from '$lib/server/voice/access';
import { alertContacts } from '$lib/server/voice/people';
import {
	acknowledgeSafetyAlert,
	addSafetyAlertNote,
	closeSafetyAlert,
	safetyAlert,
	safetyAlertNotesOf
} from '$lib/server/voice/safety';
import { now } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

/** Everything a duty manager needs at night, on one page. Opening it is audited as a record read. */
export const load: PageServerLoad = (event) => {
	const { alert } = requireAlertAccess(event, event.params.id);
	const db = getDb();
	const at = now();
	return {
		alert,
		notes: safetyAlertNotesOf(db, alert.id),
		contacts: alertContacts(db, alert.youngPersonId, ukToday(at)).map(
			({ id: _id, ...contact }) => contact
		),
		outOfHours: getCouncilSettings(db)?.outOfHoursPhone ?? null,
		now: at
	};
};

export const actions: Actions = {
	acknowledge: async (event) => {
		const { user } = requireAlertAccess(event, event.params.id);
		acknowledgeSafetyAlert(getDb(), user.id, event.params.id, now());
		return { acknowledged: !!safetyAlert(getDb(), event.params.id)?.acknowledgedAt };
	},
	/** What was done, in the worker's words: sealed, with the time and who wrote it. */
	note: async (event) => {
		const { user } = requireAlertAccess(event, event.params.id);
		const formData = await event.request.formData();
		const parsed = parseForm(alertNoteSchema, { note: text(formData, 'note') }, formData);
		if (!parsed.ok) return parsed.failure;
		addSafetyAlertNote(getDb(), user.id, event.params.id, parsed.data.note, now());
		return { noted: true };
	},
	/** Dealt with: an outcome and a note. Acknowledges too when nobody had; a second close changes nothing. */
	close: async (event) => {
		const { user } = requireAlertAccess(event, event.params.id);
		const formData = await event.request.formData();
		const parsed = parseForm(
			closeAlertSchema,
			{ outcome: text(formData, 'outcome'), closeNote: text(formData, 'closeNote') },
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const closed = closeSafetyAlert(
			getDb(),
			user.id,
			event.params.id,
			{ outcome: parsed.data.outcome, note: parsed.data.closeNote },
			now()
		);
		return { closed, alreadyClosed: !closed };
	}
};
