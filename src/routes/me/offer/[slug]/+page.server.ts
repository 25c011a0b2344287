import { judge } from '$lib/domain/offer';
import { askSchema } from '$lib/server/offer/schemas';
import { action, formActions, notFound, page, refuse } from '$lib/server/http/handlers';
import { entitlementBySlug } from '$lib/server/offer/content';
import { renderMarkdown } from '$lib/server/offer/markdown';
import { askAbout, myRequests, offerProfile } from '$lib/server/offer/requests';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx, event) => {
	const item = entitlementBySlug(ctx.db, event.params.slug, ctx.locale);
	const person = offerProfile(ctx.db, ctx.user.id, ctx.today);
	if (!item || !person) notFound();
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
		verdict: judge(item.eligibility, person, ctx.today),
		requests: myRequests(ctx.db, ctx.user.id)
			.filter((request) => request.slug === item.slug)
			.map(({ message: _message, ...request }) => request)
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	/** "Ask my PA for this": a request they can follow, one open at a time for each entitlement. */
	default: action('useMyPages', askSchema, (ctx, { message }, event) => {
		const item = entitlementBySlug(ctx.db, event.params.slug);
		if (!item) notFound();
		const result = askAbout(
			ctx.db,
			{ youngPersonId: ctx.user.id, entitlementId: item.id, message },
			ctx.now
		);
		if (!result.ok)
			return refuse({ form: result.reason === 'no_pa' ? m.ask_no_pa() : m.ask_already() });
		return { done: m.ask_sent() };
	})
}) satisfies Actions;
