import type { z } from 'zod';
import {
	answerTextSchema,
	concernSchema,
	issueTextSchema,
	mergeSchema,
	reasonSchema
} from '$lib/server/forum/schemas';
import type { SignedInContext } from '$lib/server/http/context';
import {
	action,
	formActions,
	notFound,
	page,
	refuse,
	type ActionEvent
} from '$lib/server/http/handlers';
import {
	answerIssue,
	declineIssue,
	editIssue,
	issueForOfficer,
	mergeIssue,
	takeToBoard
} from '$lib/server/forum/board';
import {
	approveIssue,
	concernFromIssue,
	concernsForIssue,
	reportsOn
} from '$lib/server/forum/moderation';
import { issueStatusLabel } from '$lib/words/forum-labels';
import type { IssueRefusal } from '$lib/domain/forum';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Moderation is for participation officers only; Board members never see who raised an issue. */
function officerIssue(ctx: SignedInContext, event: Pick<ActionEvent, 'params'>) {
	const issue = issueForOfficer(ctx.db, event.params.id);
	if (!issue) notFound();
	return issue;
}

/** A form about this issue: a missing issue is a 404 before anything is read. */
function aboutIssue<S extends z.ZodType>(schema: S) {
	return (ctx: SignedInContext, event: ActionEvent) => {
		officerIssue(ctx, event);
		return schema;
	};
}

/** The issue moved on (another officer, another tab): say what it is now, keeping what was typed. */
function notNow(refusal: IssueRefusal) {
	if (refusal.reason === 'not_found') notFound();
	return refuse({ form: m.issue_not_now({ status: issueStatusLabel(refusal.status) }) }, 409);
}

export const load = page('moderateIssues', (ctx, event) => {
	const issue = officerIssue(ctx, event);
	return {
		issue,
		reports: reportsOn(ctx.db, issue.id),
		concerns: concernsForIssue(ctx.db, issue.id)
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	edit: action('moderateIssues', aboutIssue(issueTextSchema), (ctx, text, event) => {
		const edited = editIssue(ctx.db, ctx.user.id, event.params.id, text, ctx.now);
		return edited.ok ? { done: m.issue_done() } : notNow(edited);
	}),
	approve: action('moderateIssues', (ctx, event) => {
		officerIssue(ctx, event);
		const approved = approveIssue(ctx.db, ctx.user.id, event.params.id, ctx.now);
		return approved.ok ? { done: m.issue_done() } : notNow(approved);
	}),
	concern: action('moderateIssues', aboutIssue(concernSchema), (ctx, concern, event) => {
		concernFromIssue(ctx.db, ctx.user.id, event.params.id, concern, ctx.now);
		return { done: m.concern_raised() };
	}),
	take: action('moderateIssues', (ctx, event) => {
		officerIssue(ctx, event);
		const taken = takeToBoard(ctx.db, event.params.id, ctx.now);
		return taken.ok ? { done: m.issue_done() } : notNow(taken);
	}),
	merge: action('moderateIssues', aboutIssue(mergeSchema), (ctx, { into }, event) => {
		const merged = mergeIssue(ctx.db, event.params.id, into, ctx.now);
		if (!merged.ok && merged.reason === 'target') return refuse({ into: m.error_choose_one() });
		return merged.ok ? { done: m.issue_done() } : notNow(merged);
	}),
	decline: action('moderateIssues', aboutIssue(reasonSchema), (ctx, { reason }, event) => {
		const declined = declineIssue(ctx.db, event.params.id, reason, ctx.now);
		return declined.ok ? { done: m.issue_done() } : notNow(declined);
	}),
	answer: action('moderateIssues', aboutIssue(answerTextSchema), (ctx, { answer }, event) => {
		const answered = answerIssue(ctx.db, event.params.id, answer, ctx.now);
		return answered.ok ? { done: m.issue_done() } : notNow(answered);
	})
}) satisfies Actions;
