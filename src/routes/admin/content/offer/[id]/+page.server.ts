import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { entitlementSchema } from '$lib/schemas/content';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { entitlements } from '$lib/server/db/schema';
import {
	entitlementDraft,
	publishEntitlement,
	saveEntitlementDraft
} from '$lib/server/offer/editing';
import { renderMarkdown } from '$lib/server/offer/markdown';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { now } from '$lib/server/clock';

const EDITORS = ['admin', 'participation_officer'] as const;
const TEXT_FIELDS = [
	'title',
	'area',
	'summary',
	'details',
	'amountPence',
	'frequency',
	'statutory',
	'fromAge',
	'untilAge',
	'howToGet',
	'contact'
];

function liveEntitlement(id: string) {
	return getDb().select().from(entitlements).where(eq(entitlements.id, id)).get() ?? null;
}

export const load: PageServerLoad = (event) => {
	requireRole(event, ...EDITORS);
	const id = event.params.id;
	const live = id === 'new' ? null : liveEntitlement(id);
	const draft = id === 'new' ? null : entitlementDraft(getDb(), id);
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
		saved: event.url.searchParams.has('saved'),
		published: event.url.searchParams.get('published')
	};
};

/** Check the form and keep it as the draft; the public offer does not change. */
async function saveDraft(event: RequestEvent, userId: string) {
	const formData = await event.request.formData();
	const input = {
		...Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(formData, name)])),
		categories: formData.getAll('categories'),
		conditions: formData.getAll('conditions')
	};
	const parsed = parseForm(entitlementSchema, input, formData);
	if (!parsed.ok) return { failure: parsed.failure };
	const id = saveEntitlementDraft(
		getDb(),
		userId,
		event.params.id === 'new' ? null : event.params.id,
		parsed.data,
		now()
	);
	return { id };
}

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, ...EDITORS);
		const result = await saveDraft(event, user.id);
		if ('failure' in result) return result.failure;
		redirect(303, `/admin/content/offer/${result.id}?saved`);
	},
	preview: async (event) => {
		const user = requireRole(event, ...EDITORS);
		const result = await saveDraft(event, user.id);
		if ('failure' in result) return result.failure;
		redirect(303, `/admin/content/offer/${result.id}?preview`);
	},
	publish: async (event) => {
		const user = requireRole(event, ...EDITORS);
		const result = publishEntitlement(getDb(), user.id, event.params.id, now());
		if (!result.ok) return invalid(await event.request.formData(), { form: m.content_no_draft() });
		redirect(303, `/admin/content/offer/${event.params.id}?published=${result.told}`);
	}
};
