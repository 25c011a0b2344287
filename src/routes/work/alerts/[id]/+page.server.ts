import { alertNoteSchema, closeAlertSchema } from '$lib/server/voice/schemas';
import { getCouncilSettings } from '$lib/server/council/settings';
import type { z } from 'zod';
import type { SignedInContext } from '$lib/server/http/context';
import { action, formActions, page, type ActionEvent } from '$lib/server/http/handlers';
import { openAlert } from '$lib/server/voice/access';
import { councilChildIds, placementOf } from '$lib/server/people/care-record';
import { alertContacts } from '$lib/server/voice/people';
import {
	acknowledgeSafetyAlert,
	addSafetyAlertNote,
	closeSafetyAlert,
	safetyAlert,
	safetyAlertNotesOf
} from '$lib/server/voice/safety';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Everything a duty manager needs at night, on one page. Opening it is audited as a record read. */
export const load = page('openRecords', (ctx, event) => {
	const alert = openAlert(ctx, event.params.id, event.url.pathname);
	return {
		alert,
		// Where the child is and who cares for them: openAlert has checked this person may open the record.
		placement: placementOf(ctx.db, alert.youngPersonId),
		councilChildId: councilChildIds(ctx.db, [alert.youngPersonId]).get(alert.youngPersonId) ?? null,
		notes: safetyAlertNotesOf(ctx.db, alert.id),
		contacts: alertContacts(ctx.db, alert.youngPersonId, ctx.today).map(
			({ id: _id, ...contact }) => contact
		),
		outOfHours: getCouncilSettings(ctx.db)?.outOfHoursPhone ?? null,
		now: ctx.now
	};
}) satisfies PageServerLoad;

/** A form about this alert: the alert is opened first (refused and audited as its record would be). */
function aboutAlert<S extends z.ZodType>(schema: S) {
	return (ctx: SignedInContext, event: ActionEvent) => {
		openAlert(ctx, event.params.id, event.url.pathname);
		return schema;
	};
}

export const actions = formActions({
	acknowledge: action('openRecords', (ctx, event) => {
		openAlert(ctx, event.params.id, event.url.pathname);
		acknowledgeSafetyAlert(ctx.db, ctx.user.id, event.params.id, ctx.now);
		return { acknowledged: !!safetyAlert(ctx.db, event.params.id)?.acknowledgedAt };
	}),
	/** What was done, in the worker's words: sealed, with the time and who wrote it. */
	note: action('openRecords', aboutAlert(alertNoteSchema), (ctx, { note }, event) => {
		addSafetyAlertNote(ctx.db, ctx.user.id, event.params.id, note, ctx.now);
		return { done: m.alert_note_saved() };
	}),
	/** Dealt with: an outcome and a note. Acknowledges too when nobody had; a second close changes nothing. */
	close: action(
		'openRecords',
		aboutAlert(closeAlertSchema),
		(ctx, { outcome, closeNote }, event) => {
			const closed = closeSafetyAlert(
				ctx.db,
				ctx.user.id,
				event.params.id,
				{ outcome, note: closeNote },
				ctx.now
			);
			return { closed, alreadyClosed: !closed };
		}
	)
}) satisfies Actions;
