import { redirect } from '@sveltejs/kit';
import {
	CONTRASTS,
	EXPRESS_SETTINGS,
	READING_FONTS,
	SPEECH_RATES,
	TEXT_SIZES
} from '$lib/domain/reading';
import type { ShippedCode } from '$lib/domain/languages';
import { preferencesSchema, speechSchema } from '$lib/server/preferences/schemas';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { expressState, saveOwnChoices } from '$lib/server/preferences/express';
import { enabledLanguages } from '$lib/server/preferences/languages';
import { setLanguageCookie } from '$lib/server/preferences/locale';
import { preferencesOf, savePreferences } from '$lib/server/preferences/preferences';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx, event) => {
	const preferences = preferencesOf(ctx.db, ctx.user.id);
	const express = expressState(ctx.db, ctx.user.id, ctx.today);
	return {
		current: {
			locale: ctx.locale,
			textSize: preferences.textSize,
			font: preferences.font,
			contrast: preferences.contrast,
			speechRate: String(preferences.speechRate),
			express: preferences.express
		},
		expressOn: express.on,
		expressSetBy: express.setByName,
		options: { TEXT_SIZES, READING_FONTS, CONTRASTS, SPEECH_RATES, EXPRESS_SETTINGS },
		saved: event.url.searchParams.has('saved')
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	save: action('useMyPages', preferencesSchema, (ctx, choices, event) => {
		const locale = choices.locale as ShippedCode;
		if (!enabledLanguages(ctx.db).includes(locale)) return refuse({ locale: m.language_error() });
		saveOwnChoices(ctx.db, ctx.user.id, { ...choices, locale }, ctx.now);
		setLanguageCookie(event.cookies, locale, event.url.protocol === 'https:');
		// A new page, not a result on this one: this request was already read in the old language.
		redirect(303, '/me/settings?saved');
	}),
	/** The read-aloud bar's speed, saved as it is changed (static/read-aloud.js). */
	speech: action('useMyPages', speechSchema, (ctx, { speechRate }) => {
		savePreferences(ctx.db, ctx.user.id, { speechRate }, ctx.user.id, ctx.now);
		return { done: m.reading_saved() };
	})
}) satisfies Actions;

export const csr = false;
