import { error, redirect } from '@sveltejs/kit';
import { entitlementSchema } from '$lib/server/offer/content-schemas';
import type { SignedInContext } from '$lib/server/http/context';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import {
	entitlementDraft,
	liveEntitlement,
	publishEntitlement,
	saveEntitlementDraft,
	type EntitlementFields
} from '$lib/server/offer/editing';
import { renderMarkdown } from '$lib/server/offer/markdown';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('editContent', (ctx, event) => {
	const id = event.params.id;
	const live = id === 'new' ? null : liveEntitlement(ctx.db, id);
	const draft = id === 'new' ? null : entitlementDraft(ctx.db, id);
	if (id !== 'new' && !live && !draft) error(404, m.error_not_found());
	const current = draft?.data ?? live;
	return {
		id,
		isNew: id === 'new',
		current: current
			? {
					title: current.title,
					area: current.area,
					summary: current.summary,
					details: current.details,
					amount:
						current.amountPence == null
							? ''
							: (current.amountPence / 100).toFixed(current.amountPence % 100 ? 2 : 0),
					frequency: current.frequency ?? '',
					statutory: current.statutory ? 'yes' : 'no',
					categories: current.categories ?? [],
					fromAge: current.fromAge == null ? '' : String(current.fromAge),
					untilAge: current.untilAge == null ? '' : String(current.untilAge),
					conditions: current.conditions ?? [],
					howToGet: current.howToGet,
					contact: current.contact
				}
			: null,
		preview:
			draft && event.url.searchParams.has('preview')
				? {
						title: draft.data.title,
						summary: draft.data.summary,
						detailsHtml: renderMarkdown(draft.data.details),
						amountPence: draft.data.amountPence ?? null,
						frequency: draft.data.frequency ?? null,
						statutory: draft.data.statutory,
						eligibility: {
							categories: draft.data.categories ?? [],
							fromAge: draft.data.fromAge ?? null,
							untilAge: draft.data.untilAge ?? null,
							conditions: draft.data.conditions ?? []
						},
						howToGet: draft.data.howToGet,
						contact: draft.data.contact
					}
				: null,
		hasDraft: !!draft,
		saved: event.url.searchParams.has('saved')
	};
}) satisfies PageServerLoad;

/** Keep the checked form as the draft (the public offer does not change); its id. */
function saveDraft(ctx: SignedInContext, id: string, fields: EntitlementFields) {
	return saveEntitlementDraft(ctx.db, ctx.user.id, id === 'new' ? null : id, fields, ctx.now);
}

export const actions = formActions({
	// A new entitlement gets its address when first saved, so both open the page again at it.
	save: action('editContent', entitlementSchema, (ctx, fields, event) => {
		redirect(303, `/admin/content/offer/${saveDraft(ctx, event.params.id, fields)}?saved`);
	}),
	preview: action('editContent', entitlementSchema, (ctx, fields, event) => {
		redirect(303, `/admin/content/offer/${saveDraft(ctx, event.params.id, fields)}?preview`);
	}),
	publish: action('editContent', (ctx, event) => {
		const result = publishEntitlement(ctx.db, ctx.user.id, event.params.id, ctx.now);
		if (!result.ok) return refuse({ form: m.content_no_draft() });
		return { done: m.content_published({ count: result.told }) };
	})
}) satisfies Actions;
