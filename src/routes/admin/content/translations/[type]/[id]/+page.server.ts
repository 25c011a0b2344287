import { error, redirect } from '@sveltejs/kit';
import { TRANSLATABLE, isTranslatableType, translationState } from '$lib/domain/translations';
import { languageOf } from '$lib/domain/languages';
import {
	translationFieldsSchema,
	translationLocaleSchema
} from '$lib/server/offer/translation-schemas';
import type { RequestContext } from '$lib/server/http/context';
import { text } from '$lib/server/http/form';
import { action, formActions, page } from '$lib/server/http/handlers';
import { englishOf, saveTranslation, translationOf } from '$lib/server/offer/translations';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The item this page translates, or 404. */
function item(ctx: RequestContext, type: string, id: string) {
	if (!isTranslatableType(type)) error(404, m.error_not_found());
	const english = englishOf(ctx.db, type, id);
	if (!english) error(404, m.error_not_found());
	return { type, english };
}

export const load = page('editContent', (ctx, event) => {
	const { type, english } = item(ctx, event.params.type, event.params.id);
	const asked = translationLocaleSchema.safeParse(event.url.searchParams.get('locale'));
	if (!asked.success) error(404, m.error_not_found());
	const locale = asked.data;
	const translation = translationOf(ctx.db, type, event.params.id, locale);
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
}) satisfies PageServerLoad;

const translationSchema = translationFieldsSchema.extend({ locale: translationLocaleSchema });

export const actions = formActions({
	// The item is looked up before the form is read: a made-up one is a 404, whatever was sent.
	// Only its own kind's fields are read (a promise has no details); the rest stay empty.
	save: action(
		'editContent',
		(ctx, event) => {
			const { type } = item(ctx, event.params.type, event.params.id);
			return {
				schema: translationSchema,
				read: (formData: FormData) => ({
					locale: text(formData, 'locale'),
					...Object.fromEntries(TRANSLATABLE[type].map((field) => [field, text(formData, field)]))
				})
			};
		},
		(ctx, { locale, ...fields }, event) => {
			const { type } = item(ctx, event.params.type, event.params.id);
			saveTranslation(ctx.db, { type, id: event.params.id, locale, fields }, ctx.user.id, ctx.now);
			// The page's language is in its address, which a post to ?/save leaves behind: go back to it.
			redirect(
				303,
				`/admin/content/translations/${type}/${event.params.id}?locale=${locale}&saved`
			);
		}
	)
}) satisfies Actions;
