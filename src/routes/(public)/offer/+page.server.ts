import { OFFER_AREAS } from '$lib/domain/offer';
import { getDb } from '$lib/server/db';
import { lastUpdated, offer } from '$lib/server/offer/content';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const db = getDb();
	const items = offer(db, getLocale()).map((item) => ({
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
};

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
