import { redirect } from '@sveltejs/kit';
import { languageChoiceSchema } from '$lib/server/preferences/schemas';
import { safeNext } from '$lib/server/auth/cookies';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { enabledLanguages } from '$lib/server/preferences/languages';
import { setLanguageCookie } from '$lib/server/preferences/locale';
import { savePreferences } from '$lib/server/preferences/preferences';
import type { ShippedCode } from '$lib/domain/languages';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Open to everyone, signed in or not: choosing a language is the first thing some people need.

export const load = page('anyone', (_ctx, { url }) => ({
	back: safeNext(url.searchParams.get('back')) ?? '/'
})) satisfies PageServerLoad;

export const actions = formActions({
	default: action('anyone', languageChoiceSchema, (ctx, input, event) => {
		const locale = input.locale as ShippedCode;
		if (!enabledLanguages(ctx.db).includes(locale)) return refuse({ locale: m.language_error() });
		setLanguageCookie(event.cookies, locale, event.url.protocol === 'https:');
		if (ctx.user) savePreferences(ctx.db, ctx.user.id, { locale }, ctx.user.id, ctx.now);
		redirect(303, safeNext(input.back) ?? '/');
	})
}) satisfies Actions;

export const csr = false;
