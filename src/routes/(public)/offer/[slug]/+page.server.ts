import { entitlementBySlug } from '$lib/server/offer/content';
import { renderMarkdown } from '$lib/server/offer/markdown';
import { notFound, page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

export const load = page('anyone', (ctx, { params }) => {
	const item = entitlementBySlug(ctx.db, params.slug, ctx.locale);
	if (!item) notFound();
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
}) satisfies PageServerLoad;

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
