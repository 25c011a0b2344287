import { error } from '@sveltejs/kit';
import { helpedSchema, reportSchema } from '$lib/schemas/forum';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
import { giveFeedback, issueForYoungPerson, supportIssue } from '$lib/server/forum/issues';
import { reportIssueWithReason } from '$lib/server/forum/moderation';
import { now } from '$lib/server/clock';
import { issueStatusLabel } from '$lib/components/forum-labels';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Their own issue, or one in a forum they sit on; anything else looks like it does not exist. */
function requireVisibleIssue(event: RequestEvent) {
	const user = requireRole(event, 'young_person', 'forum_member');
	const issue = issueForYoungPerson(getDb(), event.params.id, user.id);
	if (!issue) error(404, m.error_not_found());
	return { user, issue };
}

export const load: PageServerLoad = (event) => {
	const { issue } = requireVisibleIssue(event);
	const { forumId: _forum, ...shown } = issue;
	return { issue: shown };
};

export const actions: Actions = {
	support: async (event) => {
		const { user } = requireVisibleIssue(event);
		const result = supportIssue(getDb(), event.params.id, user.id, now());
		return { supported: result };
	},
	report: async (event) => {
		const { user } = requireVisibleIssue(event);
		const formData = await event.request.formData();
		const parsed = parseForm(reportSchema, { reason: text(formData, 'reason') }, formData);
		if (!parsed.ok) return parsed.failure;
		const report = reportIssueWithReason(
			getDb(),
			event.params.id,
			user.id,
			parsed.data.reason,
			now()
		);
		if (!report.ok && report.reason === 'not_found') error(404, m.error_not_found());
		if (!report.ok) {
			const status = issueStatusLabel(report.status);
			return invalid(formData, { reason: m.forum_not_now({ status }) }, 409);
		}
		return { reported: true };
	},
	helped: async (event) => {
		const { user } = requireVisibleIssue(event);
		const formData = await event.request.formData();
		const parsed = parseForm(helpedSchema, { helped: text(formData, 'helped') }, formData);
		if (!parsed.ok) return parsed.failure;
		giveFeedback(getDb(), event.params.id, user.id, parsed.data.helped, now());
		return { thanked: true };
	}
};
