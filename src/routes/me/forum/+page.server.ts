import { raiseSchema } from '$lib/schemas/forum';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import { forumIssueList, forumsFor, myIssues, raiseIssue } from '$lib/server/forum/issues';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'young_person', 'forum_member');
	const db = getDb();
	const forums = forumsFor(db, user.id);
	return {
		forums: forums.map(({ id, name, description }) => ({ id, name, description })),
		memberOf: forums
			.filter((forum) => forum.member)
			.map((forum) => ({ ...forum, issues: forumIssueList(db, forum.id, user.id) })),
		mine: myIssues(db, user.id),
		raised: event.url.searchParams.has('raised')
	};
};

export const actions: Actions = {
	raise: async (event) => {
		const user = requireRole(event, 'young_person', 'forum_member');
		const formData = await event.request.formData();
		const parsed = parseForm(
			raiseSchema,
			{
				forumId: text(formData, 'forumId'),
				named: formData.get('named') === 'yes',
				title: text(formData, 'title'),
				whatIsWrong: text(formData, 'whatIsWrong'),
				whatToChange: text(formData, 'whatToChange')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const id = raiseIssue(getDb(), { ...parsed.data, raisedBy: user.id }, now());
		if (!id) return invalid(formData, { forumId: m.error_choose_one() });
		return { raised: id };
	}
};
