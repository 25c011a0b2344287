import { OFFER_AREAS } from '$lib/domain/offer';
import { lastUpdated, offer } from '$lib/server/offer/content';
import { page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

export const load = page('anyone', (ctx) => {
	const db = ctx.db;
	const items = offer(db, ctx.locale).map((item) => ({
		slug: item.slug,
		area: item.area,
		title: item.title,
		summary: item.summary,
		lang: item.lang,
		inEnglish: item.inEnglish,
		amountPence: item.amountPence,
		frequency: item.frequency
	}));
	return {
		areas: OFFER_AREAS.map((area) => ({
			area,
			items: items.filter((item) => item.area === area)
		})).filter((group) => group.items.length),
		updated: lastUpdated(db, 'offer')
	};
}) satisfies PageServerLoad;

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
