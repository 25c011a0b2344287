import { SHIPPED_LANGUAGES, BASE_LANGUAGE, isSafetyMessage } from '$lib/domain/languages';
import { enableLanguageSchema, languageCodeSchema } from '$lib/server/preferences/language-schemas';
import { action, formActions, page } from '$lib/server/http/handlers';
import {
	disableLanguage,
	enableLanguage,
	languageSettings
} from '$lib/server/preferences/languages';
import { safetyWords } from '$lib/server/preferences/safety-words';
import { m } from '$lib/paraglide/messages';
import type { ShippedCode } from '$lib/domain/languages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('administer', (ctx) => {
	const settings = new Map(languageSettings(ctx.db).map((row) => [row.code, row]));
	return {
		today: ctx.today,
		languages: SHIPPED_LANGUAGES.filter((language) => language.code !== BASE_LANGUAGE).map(
			(language) => {
				const setting = settings.get(language.code);
				return {
					code: language.code,
					englishName: language.englishName,
					nativeName: language.nativeName,
					dir: language.dir,
					on: !!setting,
					checkedBy: setting?.safetyCheckedBy ?? null,
					checkedOn: setting?.safetyCheckedOn ?? null,
					// Every safety word side by side with the English, for the fluent speaker to check.
					safety: safetyWords(language.code as ShippedCode)
				};
			}
		),
		safetyCount: safetyWords(BASE_LANGUAGE).filter((word) => isSafetyMessage(word.key)).length
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	// The safety words cannot have been checked on a day still to come.
	enable: action(
		'administer',
		(ctx) => enableLanguageSchema(ctx.today),
		(ctx, checked) => {
			enableLanguage(
				ctx.db,
				{ ...checked, code: checked.code as ShippedCode },
				ctx.user.id,
				ctx.now
			);
			return { done: m.languages_saved() };
		}
	),
	disable: action('administer', languageCodeSchema, (ctx, { code }) => {
		disableLanguage(ctx.db, code, ctx.user.id, ctx.now);
		return { done: m.languages_saved() };
	})
}) satisfies Actions;
