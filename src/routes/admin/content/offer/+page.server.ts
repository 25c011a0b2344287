import { and, eq } from 'drizzle-orm';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { contentVersions } from '$lib/server/db/schema';
import { offer } from '$lib/server/offer/content';
import { moveEntitlement } from '$lib/server/offer/editing';
import { text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const EDITORS = ['admin', 'participation_officer'] as const;

export const load: PageServerLoad = (event) => {
	requireRole(event, ...EDITORS);
	const db = getDb();
	const drafts = new Set(
		db
			.select({ entityId: contentVersions.entityId })
			.from(contentVersions)
			.where(and(eq(contentVersions.entityType, 'entitlement'), eq(contentVersions.state, 'draft')))
			.all()
			.map((row) => row.entityId)
	);
	return {
		items: offer(db).map((item) => ({
			id: item.id,
			title: item.title,
			area: item.area,
			hasDraft: drafts.has(item.id)
		}))
	};
};

export const actions: Actions = {
	move: async (event) => {
		requireRole(event, ...EDITORS);
		const formData = await event.request.formData();
		const direction = text(formData, 'direction') === 'up' ? 'up' : 'down';
		moveEntitlement(getDb(), text(formData, 'id').slice(0, 64), direction);
		return { moved: true };
	}
};
