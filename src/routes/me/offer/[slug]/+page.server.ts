import { error } from '@sveltejs/kit';
import { judge } from '$lib/domain/offer';
import { ukToday } from '$lib/domain/people';
import { askSchema } from '$lib/schemas/offer';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { entitlementBySlug } from '$lib/server/offer/content';
import { renderMarkdown } from '$lib/server/offer/markdown';
import { askAbout, myRequests, offerProfile } from '$lib/server/offer/requests';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

const YOUNG_PEOPLE = ['young_person', 'forum_member'] as const;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, ...YOUNG_PEOPLE);
	const db = getDb();
	const item = entitlementBySlug(db, event.params.slug, getLocale());
	const person = offerProfile(db, user.id);
	if (!item || !person) error(404, m.error_not_found());
	return {
		item: {
			slug: item.slug,
			title: item.title,
			summary: item.summary,
			lang: item.lang,
			inEnglish: item.inEnglish,
			englishFields: item.englishFields,
			detailsHtml: renderMarkdown(item.details),
			amountPence: item.amountPence,
			frequency: item.frequency,
			statutory: item.statutory,
			eligibility: item.eligibility,
			howToGet: item.howToGet,
			contact: item.contact
		},
		verdict: judge(item.eligibility, person, ukToday(now())),
		requests: myRequests(db, user.id)
			.filter((request) => request.slug === item.slug)
			.map(({ message: _message, ...request }) => request),
		sent: event.url.searchParams.has('sent')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, ...YOUNG_PEOPLE);
		const formData = await event.request.formData();
		const parsed = parseForm(askSchema, { message: text(formData, 'message') }, formData);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		const item = entitlementBySlug(db, event.params.slug);
		if (!item) error(404, m.error_not_found());
		const result = askAbout(
			db,
			{
				youngPersonId: user.id,
				entitlementId: item.id,
				message: parsed.data.message
			},
			now()
		);
		if (!result.ok)
			return invalid(formData, {
				form: result.reason === 'no_pa' ? m.ask_no_pa() : m.ask_already()
			});
		return { sent: true };
	}
};
