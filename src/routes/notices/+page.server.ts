import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { markAllNoticesRead, markNoticeRead, noticesFor } from '$lib/server/notify/notices';
import { noticeText } from '$lib/server/notify/push';
import { text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		notices: noticesFor(getDb(), user.id).map((notice) => ({
			id: notice.id,
			text: noticeText(notice.kind),
			createdAt: notice.createdAt,
			unread: !notice.readAt
		}))
	};
};

export const actions: Actions = {
	/** Mark read and go where the notice points. */
	open: async (event) => {
		const user = requireUser(event);
		const id = text(await event.request.formData(), 'id').slice(0, 64);
		const link = markNoticeRead(getDb(), user.id, id, now());
		redirect(303, link ?? '/notices');
	},
	read: async (event) => {
		const user = requireUser(event);
		markNoticeRead(
			getDb(),
			user.id,
			text(await event.request.formData(), 'id').slice(0, 64),
			now()
		);
		redirect(303, '/notices');
	},
	readAll: (event) => {
		const user = requireUser(event);
		markAllNoticesRead(getDb(), user.id, now());
		redirect(303, '/notices');
	}
};
