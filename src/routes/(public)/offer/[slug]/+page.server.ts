import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { entitlementBySlug } from '$lib/server/offer/content';
import { renderMarkdown } from '$lib/server/offer/markdown';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const item = entitlementBySlug(getDb(), params.slug, getLocale());
	if (!item) error(404, m.error_not_found());
	return {
		item: {
			slug: item.slug,
			area: item.area,
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
			contact: item.contact,
			updatedAt: item.updatedAt
		}
	};
};

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
