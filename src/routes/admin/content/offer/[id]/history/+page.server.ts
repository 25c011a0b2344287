import { error } from '@sveltejs/kit';
import { restoreSchema } from '$lib/server/offer/content-schemas';
import { action, formActions, page } from '$lib/server/http/handlers';
import {
	contentHistory,
	liveEntitlement,
	restoreEntitlementVersion
} from '$lib/server/offer/editing';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('editContent', (ctx, event) => {
	const versions = contentHistory(ctx.db, event.params.id);
	// An entry written before Hearth kept versions (the demo's, or one loaded at set-up) has none yet.
	const entry = liveEntitlement(ctx.db, event.params.id);
	if (!versions.length && !entry) error(404, m.error_not_found());
	return {
		title: String(
			versions.find((v) => v.state === 'published')?.data.title ??
				versions[0]?.data.title ??
				entry!.title
		),
		versions: versions.map((version) => ({
			id: version.id,
			state: version.state,
			note: version.note,
			by: version.by,
			createdAt: version.createdAt,
			title: String(version.data.title),
			summary: String(version.data.summary),
			amountPence: (version.data.amountPence as number | null) ?? null
		}))
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	restore: action('editContent', restoreSchema, (ctx, { versionId }) => {
		const result = restoreEntitlementVersion(ctx.db, ctx.user.id, versionId, ctx.now);
		if (!result.ok) error(404, m.error_not_found());
		return { done: m.content_restored() };
	})
}) satisfies Actions;
