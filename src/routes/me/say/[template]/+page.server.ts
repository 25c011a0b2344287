import { error, redirect } from '@sveltejs/kit';
import { MOODS, TEMPLATES, defaultRecipient, isTemplateId, templatesFor } from '$lib/domain/voice';
import {
	MOOD_FACES,
	moodLabel,
	optionLabel,
	questionLabel,
	templateIntro,
	templateTitle
} from '$lib/components/voice-labels';
import { answersInput } from '$lib/schemas/voice';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { invalid, text } from '$lib/server/forms';
import { newId } from '$lib/server/ids';
import { statementRecipients } from '$lib/server/voice/people';
import { careStatusOf } from '$lib/server/voice/statements';
import { submitStatement } from '$lib/server/voice/submit';
import { now, todayInUk } from '$lib/server/clock';
import { withMeNow } from '$lib/server/auth/with-me';
import { writingLanguages } from '$lib/components/language-labels';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const db = getDb();
	const careStatus = careStatusOf(db, user.id) ?? 'in_care';
	const id = event.params.template;
	if (!isTemplateId(id) || !templatesFor(careStatus).some((t) => t.id === id))
		error(404, m.error_not_found());
	const recipients = statementRecipients(db, user.id, todayInUk());
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
				TEMPLATES[id].questions.map((q) => [q.id, questionLabel(id, q.id)])
			),
			options: Object.fromEntries(
				TEMPLATES[id].questions
					.flatMap((q) => (q.kind === 'choice' ? q.options : []))
					.map((option) => [option, optionLabel(option)])
			)
		},
		// Any language they may write in, the page's own first.
		languages: writingLanguages(),
		language: getLocale(),
		// A fresh key for this form: sending it twice keeps one statement.
		clientKey: newId()
	};
};

export const actions: Actions = {
	send: async (event) => {
		const user = requireRole(event, 'young_person', 'forum_member');
		const formData = await event.request.formData();
		const templateId = event.params.template;
		const answers = isTemplateId(templateId)
			? answersInput(
					TEMPLATES[templateId],
					(name) => text(formData, name) || null,
					(name) => formData.getAll(name).filter((v): v is string => typeof v === 'string')
				)
			: {};
		const result = submitStatement(
			getDb(),
			user.id,
			templateId,
			{
				answers,
				recipientId: text(formData, 'recipientId'),
				clientKey: text(formData, 'clientKey'),
				language: text(formData, 'language')
			},
			now(),
			withMeNow(getDb(), event.locals.session!.id, user.id, now())?.workerId ?? null
		);
		if (!result.ok) {
			if (result.status === 404) error(404, m.error_not_found());
			return invalid(formData, result.errors);
		}
		redirect(
			303,
			result.alertId ? `/me/unsafe/${result.alertId}#told` : `/me/messages/${result.id}?sent`
		);
	}
};

// No framework JavaScript: a plain form, with src/lib/client-scripts/enhance.ts for drafts.
export const csr = false;
