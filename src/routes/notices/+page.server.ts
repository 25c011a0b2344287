import { redirect } from '@sveltejs/kit';
import { noticeSchema } from '$lib/server/notify/notice-schemas';
import { action, formActions, page } from '$lib/server/http/handlers';
import { markAllNoticesRead, markNoticeRead, noticesFor } from '$lib/server/notify/notices';
import { noticeText } from '$lib/server/notify/push';
import type { Actions, PageServerLoad } from './$types';

export const load = page('signedIn', (ctx) => ({
	notices: noticesFor(ctx.db, ctx.user.id).map((notice) => ({
		id: notice.id,
		text: noticeText(notice.kind),
		createdAt: notice.createdAt,
		unread: !notice.readAt
	}))
})) satisfies PageServerLoad;

export const actions = formActions({
	/** Mark read and go where the notice points. */
	open: action('signedIn', noticeSchema, (ctx, { id }) => {
		const link = markNoticeRead(ctx.db, ctx.user.id, id, ctx.now);
		redirect(303, link ?? '/notices');
	}),
	read: action('signedIn', noticeSchema, (ctx, { id }) => {
		markNoticeRead(ctx.db, ctx.user.id, id, ctx.now);
		redirect(303, '/notices');
	}),
	readAll: action('signedIn', (ctx) => {
		markAllNoticesRead(ctx.db, ctx.user.id, ctx.now);
		redirect(303, '/notices');
	})
}) satisfies Actions;
