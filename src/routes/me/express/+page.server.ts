import { error, redirect } from '@sveltejs/kit';
import {
	EXPRESS_FEELINGS,
	EXPRESS_WANTS,
	defaultRecipient,
	isExpressFeeling,
	isExpressWant
} from '$lib/domain/voice';
import { FEELING_PICTURES, WANT_PICTURES, pictureChoice } from '$lib/components/express-pictures';
import { requireRole } from '$lib/server/auth/guard';
import { withMeNow } from '$lib/server/auth/with-me';
import { getDb } from '$lib/server/db';
import { invalid, text } from '$lib/server/forms';
import { newId } from '$lib/server/ids';
import { statementRecipients } from '$lib/server/voice/people';
import { careStatusOf, statementOwner, statementThread } from '$lib/server/voice/statements';
import { submitStatement } from '$lib/server/voice/submit';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const YOUNG_PEOPLE = ['young_person', 'forum_member'] as const;

/**
 * Picture mode in three taps: a feeling, what would help, send. Each step is its own page (the
 * choices so far are in the address), so it needs no script and Back goes back a step.
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
	const feeling = params.get('feeling');
	if (!isExpressFeeling(feeling)) {
		return {
			step: 'feeling' as const,
			choices: EXPRESS_FEELINGS.map((value) => ({
				...pictureChoice(value, FEELING_PICTURES),
				href: `/me/express?feeling=${value}`
			}))
		};
	}
	const feelingChoice = pictureChoice(feeling, FEELING_PICTURES);
	const want = params.get('want');
	if (!isExpressWant(want)) {
		return {
			step: 'want' as const,
			feeling: feelingChoice,
			choices: EXPRESS_WANTS.map((value) => ({
				...pictureChoice(value, WANT_PICTURES),
				href: `/me/express?feeling=${feeling}&want=${value}`
			}))
		};
	}
	const recipients = statementRecipients(db, user.id);
	const careStatus = careStatusOf(db, user.id) ?? 'in_care';
	return {
		step: 'send' as const,
		feeling: feelingChoice,
		want: pictureChoice(want, WANT_PICTURES),
		recipients: recipients.map(({ id, name, linkType }) => ({ id, name, linkType })),
		defaultRecipientId: defaultRecipient(recipients, careStatus)?.id ?? null,
		// Sent with the form, so a feeling kept offline goes with the page's language too.
		language: getLocale(),
		clientKey: newId()
	};
};

export const actions: Actions = {
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
			result.alertId ? `/me/unsafe/${result.alertId}` : `/me/express?sent=${result.id}`
		);
	}
};

export const csr = false;
