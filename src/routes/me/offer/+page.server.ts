import { OFFER_AREAS, sortOffer, timeline } from '$lib/domain/offer';
import { notFound, page } from '$lib/server/http/handlers';
import { offer } from '$lib/server/offer/content';
import { myRequests, offerProfile } from '$lib/server/offer/requests';
import { careRecordOf } from '$lib/server/people/care-record';
import { comingAt18, currentPeriod } from '$lib/domain/leaving-care';
import type { PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx) => {
	const person = offerProfile(ctx.db, ctx.user.id, ctx.today);
	if (!person) notFound();
	const items = offer(ctx.db, ctx.locale).map((item) => ({
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
	const sorted = sortOffer(items, person, ctx.today);
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
		timeline: timeline(items, person, ctx.today).map((step) => ({
			age: step.age,
			date: step.date,
			starts: step.starts.map(short),
			ends: step.ends.map(short)
		})),
		// What the law gives at 18 to a 16- or 17-year-old who will be former relevant then.
		comingAt18: (() => {
			const record = careRecordOf(ctx.db, ctx.user.id);
			if (!record) return [];
			const placementType = currentPeriod(record.periods, ctx.today)?.placementType ?? null;
			return comingAt18(person.dateOfBirth, record, placementType, ctx.today);
		})(),
		requests: myRequests(ctx.db, ctx.user.id).map(({ message: _message, ...request }) => request)
	};
}) satisfies PageServerLoad;
