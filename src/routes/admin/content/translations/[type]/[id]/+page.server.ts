import { error, redirect } from '@sveltejs/kit';
import { TRANSLATABLE, isTranslatableType, translationState } from '$lib/domain/translations';
import { languageOf } from '$lib/domain/languages';
import { translationFieldsSchema, translationLocaleSchema } from '$lib/schemas/translations';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import { englishOf, saveTranslation, translationOf } from '$lib/server/offer/translations';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const EDITORS = ['admin', 'participation_officer'] as const;

function item(type: string, id: string) {
	if (!isTranslatableType(type)) error(404, m.error_not_found());
	const english = englishOf(getDb(), type, id);
	if (!english) error(404, m.error_not_found());
	return { type, english };
}

export const load: PageServerLoad = (event) => {
	requireRole(event, ...EDITORS);
	const { type, english } = item(event.params.type, event.params.id);
	const asked = translationLocaleSchema.safeParse(event.url.searchParams.get('locale'));
	if (!asked.success) error(404, m.error_not_found());
	const locale = asked.data;
	const translation = translationOf(getDb(), type, event.params.id, locale);
	const language = languageOf(locale);
	return {
		type,
		locale,
		language: { name: language.englishName, dir: language.dir },
		fields: TRANSLATABLE[type].map((field) => ({
			field,
			english: english.fields[field as keyof typeof english.fields] ?? '',
			translated: translation?.fields[field] ?? ''
		})),
		state: translationState(translation ?? undefined, english.updatedAt),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, ...EDITORS);
		const { type } = item(event.params.type, event.params.id);
		const formData = await event.request.formData();
		const locale = translationLocaleSchema.safeParse(text(formData, 'locale'));
		if (!locale.success) return invalid(formData, { form: m.language_error() });
		const parsed = parseForm(
			translationFieldsSchema,
			Object.fromEntries(TRANSLATABLE[type].map((field) => [field, text(formData, field)])),
			formData
		);
		if (!parsed.ok) return parsed.failure;
		saveTranslation(
			getDb(),
			{ type, id: event.params.id, locale: locale.data, fields: parsed.data },
			user.id,
			now()
		);
		redirect(
			303,
			`/admin/content/translations/${type}/${event.params.id}?locale=${locale.data}&saved`
		);
	}
};
