import { helpedSchema, reportSchema } from '$lib/server/forum/schemas';
import type { SignedInContext } from '$lib/server/http/context';
import { action, formActions, notFound, page, refuse } from '$lib/server/http/handlers';
import { giveFeedback, issueForYoungPerson, supportIssue } from '$lib/server/forum/issues';
import { reportIssueWithReason } from '$lib/server/forum/moderation';
import { issueStatusLabel } from '$lib/words/forum-labels';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Their own issue, or one in a forum they sit on; anything else looks like it does not exist. */
function visibleIssue(ctx: SignedInContext, issueId: string) {
	const issue = issueForYoungPerson(ctx.db, issueId, ctx.user.id);
	if (!issue) notFound();
	return issue;
}

export const load = page('useMyPages', (ctx, event) => {
	const { forumId: _forum, ...shown } = visibleIssue(ctx, event.params.id);
	return { issue: shown };
}) satisfies PageServerLoad;

export const actions = formActions({
	support: action('useMyPages', (ctx, event) => {
		visibleIssue(ctx, event.params.id);
		const result = supportIssue(ctx.db, event.params.id, ctx.user.id, ctx.now);
		// Supported: the page shows it from the issue itself. Only a second support says so.
		return result === 'already' ? { done: m.forum_already() } : {};
	}),
	report: action('useMyPages', reportSchema, (ctx, { reason }, event) => {
		visibleIssue(ctx, event.params.id);
		const report = reportIssueWithReason(ctx.db, event.params.id, ctx.user.id, reason, ctx.now);
		if (!report.ok && report.reason === 'not_found') notFound();
		if (!report.ok)
			return refuse({ reason: m.forum_not_now({ status: issueStatusLabel(report.status) }) }, 409);
		return { done: m.forum_reported() };
	}),
	helped: action('useMyPages', helpedSchema, (ctx, { helped }, event) => {
		visibleIssue(ctx, event.params.id);
		giveFeedback(ctx.db, event.params.id, ctx.user.id, helped, ctx.now);
		return { done: m.forum_helped_thanks() };
	})
}) satisfies Actions;
