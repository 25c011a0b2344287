import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import {
	CONTRASTS,
	EXPRESS_SETTINGS,
	READING_FONTS,
	SPEECH_RATES,
	TEXT_SIZES
} from '$lib/domain/reading';
import type { ShippedCode } from '$lib/domain/languages';
import { preferencesSchema, speechRateSchema } from '$lib/schemas/preferences';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import { expressState, setExpress } from '$lib/server/preferences/express';
import { enabledLanguages } from '$lib/server/preferences/languages';
import { setLanguageCookie } from '$lib/server/preferences/locale';
import { preferencesOf, savePreferences } from '$lib/server/preferences/preferences';
import { now, todayInUk } from '$lib/server/clock';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const YOUNG_PEOPLE = ['young_person', 'forum_member'] as const;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, ...YOUNG_PEOPLE);
	const db = getDb();
	const preferences = preferencesOf(db, user.id);
	const express = expressState(db, user.id, todayInUk());
	return {
		current: {
			locale: getLocale(),
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
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, ...YOUNG_PEOPLE);
		const formData = await event.request.formData();
		const parsed = parseForm(
			preferencesSchema,
			Object.fromEntries(
				['locale', 'textSize', 'font', 'contrast', 'speechRate', 'express'].map((name) => [
					name,
					text(formData, name)
				])
			),
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		const { express, ...rest } = parsed.data;
		const locale = rest.locale as ShippedCode;
		if (!enabledLanguages(db).includes(locale))
			return invalid(formData, { locale: m.language_error() });
		const before = preferencesOf(db, user.id);
		savePreferences(db, user.id, { ...rest, locale }, user.id, now());
		if (express !== before.express) setExpress(db, user.id, express, user.id, now());
		setLanguageCookie(event.cookies, locale, event.url.protocol === 'https:');
		redirect(303, '/me/settings?saved');
	},
	/** The read-aloud bar's speed, saved as it is changed (read-aloud.js). */
	speech: async (event) => {
		const user = requireRole(event, ...YOUNG_PEOPLE);
		const formData = await event.request.formData();
		const parsed = z.object({ speechRate: speechRateSchema }).safeParse({
			speechRate: text(formData, 'speechRate')
		});
		if (!parsed.success) return fail(400, { errors: { speechRate: m.error_choose_one() } });
		savePreferences(getDb(), user.id, { speechRate: parsed.data.speechRate }, user.id, now());
		return { savedSpeech: true };
	}
};

export const csr = false;
