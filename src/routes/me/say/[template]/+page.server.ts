import { redirect } from '@sveltejs/kit';
import { MOODS, TEMPLATES, defaultRecipient, isTemplateId, templatesFor } from '$lib/domain/voice';
import {
	MOOD_FACES,
	moodLabel,
	optionLabel,
	questionLabel,
	templateIntro,
	templateTitle
} from '$lib/words/voice-labels';
import { answersInput, statementFormSchema } from '$lib/server/voice/schemas';
import { text } from '$lib/server/http/form';
import { action, formActions, notFound, page, refuse } from '$lib/server/http/handlers';
import { newId } from '$lib/server/ids';
import { statementRecipients } from '$lib/server/voice/people';
import { careStatusOf } from '$lib/server/voice/statements';
import { submitStatement } from '$lib/server/voice/submit';
import { writingLanguages } from '$lib/words/language-labels';
import { getCouncilSettings } from '$lib/server/council/settings';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx, event) => {
	const careStatus = careStatusOf(ctx.db, ctx.user.id, ctx.today) ?? 'in_care';
	const id = event.params.template;
	if (!isTemplateId(id) || !templatesFor(careStatus).some((t) => t.id === id)) notFound();
	const recipients = statementRecipients(ctx.db, ctx.user.id, ctx.today);
	const council = id === 'complain' ? getCouncilSettings(ctx.db) : null;
	// "I want an advocate": the service's own name in the question, and its number on the form.
	const advocacy = council
		? { name: council.advocacyName, phone: council.advocacyPhone, email: council.advocacyEmail }
		: null;
	const service = advocacy?.name || m.advocacy_service_default();
	return {
		template: TEMPLATES[id],
		recipients,
		defaultRecipientId: defaultRecipient(recipients, careStatus)?.id ?? null,
		// The words for this template only: looking words up by name in the browser would ship
		// every interface message to the phone.
		words: {
			title: templateTitle(id),
			intro: templateIntro(id),
			moods: MOODS.map((mood) => ({ value: mood, label: moodLabel(mood), icon: MOOD_FACES[mood] })),
			questions: Object.fromEntries(
				TEMPLATES[id].questions.map((q) => [
					q.id,
					id === 'complain' && q.id === 'share'
						? m.complain_share_question({ service })
						: questionLabel(id, q.id)
				])
			),
			options: Object.fromEntries(
				TEMPLATES[id].questions
					.flatMap((q) => (q.kind === 'choice' ? q.options : []))
					.map((option) => [option, optionLabel(option)])
			)
		},
		complain: council ? { advocacy, service, council: council.name } : null,
		// Any language they may write in, the page's own first.
		languages: writingLanguages(),
		language: ctx.locale,
		// A fresh key for this form: sending it twice keeps one statement.
		clientKey: newId()
	};
}) satisfies PageServerLoad;

/** The statement as posted: the fields are the template's own questions (by the address). */
function statementFromForm(formData: FormData, templateId: string) {
	return {
		answers: isTemplateId(templateId)
			? answersInput(
					TEMPLATES[templateId],
					(name) => text(formData, name) || null,
					(name) => formData.getAll(name).filter((v): v is string => typeof v === 'string')
				)
			: {},
		recipientId: text(formData, 'recipientId'),
		clientKey: text(formData, 'clientKey'),
		language: text(formData, 'language')
	};
}

export const actions = formActions({
	send: action(
		'useMyPages',
		{
			schema: statementFormSchema,
			read: (formData, event) => statementFromForm(formData, event.params.template)
		},
		(ctx, statement, event) => {
			const result = submitStatement(
				ctx.db,
				ctx.user.id,
				event.params.template,
				statement,
				ctx.now,
				ctx.withMe()?.workerId ?? null
			);
			if (!result.ok) {
				if (result.status === 404) notFound();
				return refuse(result.errors);
			}
			redirect(
				303,
				result.alertId ? `/me/unsafe/${result.alertId}#told` : `/me/messages/${result.id}?sent`
			);
		}
	)
}) satisfies Actions;

// No framework JavaScript: a plain form, with static/enhance.js for drafts.
export const csr = false;
