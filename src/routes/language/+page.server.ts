import { redirect } from '@sveltejs/kit';
import { languageChoiceSchema } from '$lib/schemas/preferences';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import { safeNext } from '$lib/server/auth/cookies';
import { enabledLanguages } from '$lib/server/preferences/languages';
import { setLanguageCookie } from '$lib/server/preferences/locale';
import { savePreferences } from '$lib/server/preferences/preferences';
import { now } from '$lib/server/clock';
import type { ShippedCode } from '$lib/domain/languages';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Open to everyone, signed in or not: choosing a language is the first thing some people need.

export const load: PageServerLoad = ({ url }) => ({
	back: safeNext(url.searchParams.get('back')) ?? '/'
});

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const parsed = parseForm(languageChoiceSchema, { locale: text(formData, 'locale') }, formData);
		if (!parsed.ok) return parsed.failure;
		const locale = parsed.data.locale as ShippedCode;
		const db = getDb();
		if (!enabledLanguages(db).includes(locale))
			return invalid(formData, { locale: m.language_error() });
		setLanguageCookie(event.cookies, locale, event.url.protocol === 'https:');
		const user = event.locals.user;
		if (user) savePreferences(db, user.id, { locale }, user.id, now());
		redirect(303, safeNext(text(formData, 'back')) ?? '/');
	}
};

export const csr = false;
