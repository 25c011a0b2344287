import { redirect } from '@sveltejs/kit';
import { SHIPPED_LANGUAGES, BASE_LANGUAGE, isSafetyMessage } from '$lib/domain/languages';
import { ukToday } from '$lib/domain/people';
import { enableLanguageSchema, languageCodeSchema } from '$lib/schemas/languages';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { parseForm, text } from '$lib/server/forms';
import {
	disableLanguage,
	enableLanguage,
	languageSettings
} from '$lib/server/preferences/languages';
import { safetyWords } from '$lib/server/preferences/safety-words';
import { now } from '$lib/server/clock';
import type { ShippedCode } from '$lib/domain/languages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const settings = new Map(languageSettings(getDb()).map((row) => [row.code, row]));
	return {
		today: ukToday(now()),
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
		safetyCount: safetyWords(BASE_LANGUAGE).filter((word) => isSafetyMessage(word.key)).length,
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	enable: async (event) => {
		const user = requireRole(event, 'admin');
		const formData = await event.request.formData();
		const parsed = parseForm(
			enableLanguageSchema(ukToday(now())),
			{
				code: text(formData, 'code'),
				checkedBy: text(formData, 'checkedBy'),
				checkedOn: text(formData, 'checkedOn'),
				confirm: text(formData, 'confirm')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		enableLanguage(
			getDb(),
			{ ...parsed.data, code: parsed.data.code as ShippedCode },
			user.id,
			now()
		);
		redirect(303, `/admin/languages?saved=${parsed.data.code}`);
	},
	disable: async (event) => {
		const user = requireRole(event, 'admin');
		const formData = await event.request.formData();
		const parsed = parseForm(languageCodeSchema, { code: text(formData, 'code') }, formData);
		if (!parsed.ok) return parsed.failure;
		disableLanguage(getDb(), parsed.data.code, user.id, now());
		redirect(303, `/admin/languages?saved=${parsed.data.code}`);
	}
};
