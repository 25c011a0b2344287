import { error } from '@sveltejs/kit';
import { OFFER_AREAS, sortOffer, timeline } from '$lib/domain/offer';
import { ukToday } from '$lib/domain/people';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { offer } from '$lib/server/offer/content';
import { myRequests, offerProfile } from '$lib/server/offer/requests';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const db = getDb();
	const person = offerProfile(db, user.id);
	if (!person) error(404, m.error_not_found());
	const today = ukToday(now());
	const items = offer(db, getLocale()).map((item) => ({
		slug: item.slug,
		area: item.area,
		title: item.title,
		summary: item.summary,
		lang: item.lang,
		inEnglish: item.inEnglish,
		amountPence: item.amountPence,
		frequency: item.frequency,
		eligibility: item.eligibility
	}));
	const sorted = sortOffer(items, person, today);
	const short = <T extends { slug: string; title: string }>(item: T) => ({
		slug: item.slug,
		title: item.title
	});
	return {
		areas: OFFER_AREAS.map((area) => ({
			area,
			items: sorted.applies
				.filter((item) => item.area === area)
				.map(({ eligibility: _e, ...item }) => ({ ...item, endsOn: item.verdict.endsOn }))
		})).filter((group) => group.items.length),
		later: sorted.later.map((item) => ({ ...short(item), startsOn: item.verdict.startsOn })),
		timeline: timeline(items, person, today).map((step) => ({
			age: step.age,
			date: step.date,
			starts: step.starts.map(short),
			ends: step.ends.map(short)
		})),
		requests: myRequests(db, user.id).map(({ message: _message, ...request }) => request)
	};
};
