import { raiseSchema } from '$lib/server/forum/schemas';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { forumIssueList, forumsFor, myIssues, raiseIssue } from '$lib/server/forum/issues';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx) => {
	const forums = forumsFor(ctx.db, ctx.user.id);
	return {
		forums: forums.map(({ id, name, description }) => ({ id, name, description })),
		memberOf: forums
			.filter((forum) => forum.member)
			.map((forum) => ({ ...forum, issues: forumIssueList(ctx.db, forum.id, ctx.user.id) })),
		mine: myIssues(ctx.db, ctx.user.id)
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	raise: action('useMyPages', raiseSchema, (ctx, issue) => {
		const id = raiseIssue(ctx.db, { ...issue, raisedBy: ctx.user.id }, ctx.now);
		// A forum that does not exist (a made-up id) is answered as choosing none.
		if (!id) return refuse({ forumId: m.error_choose_one() });
		return { done: m.forum_raised() };
	})
}) satisfies Actions;
