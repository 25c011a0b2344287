import { redirect } from '@sveltejs/kit';
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
} from '$lib/words/express-pictures';
import {
	clientKeySchema,
	expressFeelingSchema,
	expressSendSchema
} from '$lib/server/voice/schemas';
import { getCouncilSettings } from '$lib/server/council/settings';
import { action, formActions, notFound, page, refuse } from '$lib/server/http/handlers';
import { newId } from '$lib/server/ids';
import { statementRecipients } from '$lib/server/voice/people';
import { careStatusOf, statementOwner, statementThread } from '$lib/server/voice/statements';
import { pictureAlert, raisePictureAlert, submitStatement } from '$lib/server/voice/submit';
import type { Actions, PageServerLoad } from './$types';

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
export const load = page('useMyPages', (ctx, event) => {
	const params = event.url.searchParams;
	const sentId = params.get('sent');
	if (sentId) {
		const owner = statementOwner(ctx.db, sentId);
		if (!owner || owner.youngPersonId !== ctx.user.id) notFound();
		return { step: 'sent' as const, sentTo: statementThread(ctx.db, sentId)?.recipientName ?? '' };
	}
	const key = roundKey(params);
	const feeling = params.get('feeling');
	if (!isExpressFeeling(feeling)) {
		return { step: 'feeling' as const, key, choices: feelingChoices(key, ctx.user.id) };
	}
	const feelingChoice = pictureChoice(feeling, FEELING_PICTURES);
	const alert = pictureAlert(ctx.db, ctx.user.id, key);
	const want = params.get('want');
	if (!isExpressWant(want)) {
		return {
			step: 'want' as const,
			key,
			feeling: feelingChoice,
			alert: alert ? { id: alert.id, seen: !!alert.acknowledgedAt } : null,
			outOfHours: alert ? (getCouncilSettings(ctx.db)?.outOfHoursPhone ?? null) : null,
			choices: EXPRESS_WANTS.map((value) => ({
				...pictureChoice(value, WANT_PICTURES),
				href: `/me/express?feeling=${feeling}&want=${value}&key=${key}`
			}))
		};
	}
	const recipients = statementRecipients(ctx.db, ctx.user.id, ctx.today);
	const careStatus = careStatusOf(ctx.db, ctx.user.id, ctx.today) ?? 'in_care';
	return {
		step: 'send' as const,
		key,
		feeling: feelingChoice,
		alert: alert ? { id: alert.id, seen: !!alert.acknowledgedAt } : null,
		want: pictureChoice(want, WANT_PICTURES),
		recipients: recipients.map(({ id, name, linkType }) => ({ id, name, linkType })),
		defaultRecipientId: defaultRecipient(recipients, careStatus)?.id ?? null,
		// Sent with the form, so a feeling kept offline goes with the page's language too.
		language: ctx.locale,
		// The round's key: a statement sent after a Scared tap joins the alert that tap raised.
		clientKey: key
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	/** Scared: the safety alert goes at this tap. Any other feeling just moves on a step. */
	feeling: action('useMyPages', expressFeelingSchema, (ctx, { feeling, clientKey }) => {
		if (!feeling || !clientKey) redirect(303, '/me/express');
		let round = clientKey;
		const alerted = raisesSafetyAlert(TEMPLATES.express, expressAnswers(feeling, null));
		if (alerted) round = raisePictureAlert(ctx.db, ctx.user.id, clientKey, ctx.now).roundKey;
		// `#told`: the page opens at what happened and who to call, not at the button above the menu.
		redirect(303, `/me/express?feeling=${feeling}&key=${round}${alerted ? '#told' : ''}`);
	}),
	send: action('useMyPages', expressSendSchema, (ctx, sent) => {
		const result = submitStatement(
			ctx.db,
			ctx.user.id,
			'express',
			{
				answers: { feeling: [sent.feeling], want: sent.want ? [sent.want] : [] },
				recipientId: sent.recipientId,
				clientKey: sent.clientKey,
				language: ctx.locale
			},
			ctx.now,
			ctx.withMe()?.workerId ?? null
		);
		if (!result.ok) return refuse(result.errors);
		redirect(
			303,
			result.alertId ? `/me/unsafe/${result.alertId}#told` : `/me/express?sent=${result.id}`
		);
	})
}) satisfies Actions;

export const csr = false;
