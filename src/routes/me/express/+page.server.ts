import { error, redirect } from '@sveltejs/kit';
import {
	EXPRESS_WANTS,
	TEMPLATES,
	defaultRecipient,
	expressAnswers,
	isExpressFeeling,
	isExpressWant,
	raisesSafetyAlert
} from '$lib/domain/voice';
import {
	FEELING_PICTURES,
	WANT_PICTURES,
	feelingChoices,
	pictureChoice
} from '$lib/components/express-pictures';
import { clientKeySchema } from '$lib/schemas/voice';
import { requireRole } from '$lib/server/auth/guard';
import { withMeNow } from '$lib/server/auth/with-me';
import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import { invalid, text } from '$lib/server/forms';
import { newId } from '$lib/server/ids';
import { statementRecipients } from '$lib/server/voice/people';
import { careStatusOf, statementOwner, statementThread } from '$lib/server/voice/statements';
import { pictureAlert, raisePictureAlert, submitStatement } from '$lib/server/voice/submit';
import { now, todayInUk } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const YOUNG_PEOPLE = ['young_person', 'forum_member'] as const;

/** This round's key from the address, or a fresh one: it goes from the first tap to Send. */
function roundKey(params: URLSearchParams): string {
	const key = clientKeySchema.safeParse(params.get('key'));
	return key.success ? key.data : newId();
}

/**
 * Picture mode in three taps: a feeling, what would help, send. Each step is its own page (the
 * choices so far are in the address), so it needs no script and Back goes back a step. Scared
 * raises the safety alert at its own tap (the `feeling` action); the rest waits for Send.
 */
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, ...YOUNG_PEOPLE);
	const db = getDb();
	const params = event.url.searchParams;
	const sentId = params.get('sent');
	if (sentId) {
		const owner = statementOwner(db, sentId);
		if (!owner || owner.youngPersonId !== user.id) error(404, m.error_not_found());
		return { step: 'sent' as const, sentTo: statementThread(db, sentId)?.recipientName ?? '' };
	}
	const key = roundKey(params);
	const feeling = params.get('feeling');
	if (!isExpressFeeling(feeling)) {
		return { step: 'feeling' as const, key, choices: feelingChoices(key, user.id) };
	}
	const feelingChoice = pictureChoice(feeling, FEELING_PICTURES);
	const alert = pictureAlert(db, user.id, key);
	const want = params.get('want');
	if (!isExpressWant(want)) {
		return {
			step: 'want' as const,
			key,
			feeling: feelingChoice,
			alert: alert ? { id: alert.id, seen: !!alert.acknowledgedAt } : null,
			outOfHours: alert ? (getCouncilSettings(db)?.outOfHoursPhone ?? null) : null,
			choices: EXPRESS_WANTS.map((value) => ({
				...pictureChoice(value, WANT_PICTURES),
				href: `/me/express?feeling=${feeling}&want=${value}&key=${key}`
			}))
		};
	}
	const recipients = statementRecipients(db, user.id, todayInUk());
	const careStatus = careStatusOf(db, user.id) ?? 'in_care';
	return {
		step: 'send' as const,
		key,
		feeling: feelingChoice,
		alert: alert ? { id: alert.id, seen: !!alert.acknowledgedAt } : null,
		want: pictureChoice(want, WANT_PICTURES),
		recipients: recipients.map(({ id, name, linkType }) => ({ id, name, linkType })),
		defaultRecipientId: defaultRecipient(recipients, careStatus)?.id ?? null,
		// Sent with the form, so a feeling kept offline goes with the page's language too.
		language: getLocale(),
		// The round's key: a statement sent after a Scared tap joins the alert that tap raised.
		clientKey: key
	};
};

export const actions: Actions = {
	/** Scared: the safety alert goes at this tap. Any other feeling just moves on a step. */
	feeling: async (event) => {
		const user = requireRole(event, ...YOUNG_PEOPLE);
		const formData = await event.request.formData();
		const feeling = text(formData, 'feeling');
		const key = clientKeySchema.safeParse(text(formData, 'clientKey'));
		if (!isExpressFeeling(feeling) || !key.success) redirect(303, '/me/express');
		let round = key.data;
		const alerted = raisesSafetyAlert(TEMPLATES.express, expressAnswers(feeling, null));
		if (alerted) round = raisePictureAlert(getDb(), user.id, key.data, now()).roundKey;
		// `#told`: the page opens at what happened and who to call, not at the button above the menu.
		redirect(303, `/me/express?feeling=${feeling}&key=${round}${alerted ? '#told' : ''}`);
	},
	send: async (event) => {
		const user = requireRole(event, ...YOUNG_PEOPLE);
		const formData = await event.request.formData();
		const db = getDb();
		const want = text(formData, 'want');
		const result = submitStatement(
			db,
			user.id,
			'express',
			{
				answers: { feeling: [text(formData, 'feeling')], want: want ? [want] : [] },
				recipientId: text(formData, 'recipientId'),
				clientKey: text(formData, 'clientKey'),
				language: getLocale()
			},
			now(),
			withMeNow(db, event.locals.session!.id, user.id, now())?.workerId ?? null
		);
		if (!result.ok) return invalid(formData, result.errors);
		redirect(
			303,
			result.alertId ? `/me/unsafe/${result.alertId}#told` : `/me/express?sent=${result.id}`
		);
	}
};

export const csr = false;
