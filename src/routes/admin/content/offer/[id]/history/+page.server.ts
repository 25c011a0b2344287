import { eq } from 'drizzle-orm';
import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { entitlements } from '$lib/server/db/schema';
import { contentHistory, restoreEntitlementVersion } from '$lib/server/offer/editing';
import { text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

const EDITORS = ['admin', 'participation_officer'] as const;

export const load: PageServerLoad = (event) => {
	requireRole(event, ...EDITORS);
	const db = getDb();
	const versions = contentHistory(db, event.params.id);
	// An entry written before Hearth kept versions (the demo's, or one loaded at set-up) has none yet.
	const entry = db
		.select({ title: entitlements.title })
		.from(entitlements)
		.where(eq(entitlements.id, event.params.id))
		.get();
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
		})),
		restored: event.url.searchParams.has('restored')
	};
};

export const actions: Actions = {
	restore: async (event) => {
		const user = requireRole(event, ...EDITORS);
		const versionId = text(await event.request.formData(), 'versionId').slice(0, 64);
		const result = restoreEntitlementVersion(getDb(), user.id, versionId, now());
		if (!result.ok) error(404, m.error_not_found());
		redirect(303, `/admin/content/offer/${event.params.id}/history?restored`);
	}
};
