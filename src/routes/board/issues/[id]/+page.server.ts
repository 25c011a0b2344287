import { error } from '@sveltejs/kit';
import {
	answerTextSchema,
	concernSchema,
	issueTextSchema,
	mergeSchema,
	reasonSchema
} from '$lib/schemas/forum';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, text } from '$lib/server/forms';
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
	concernFormInput,
	concernsForIssue,
	reportsOn
} from '$lib/server/forum/moderation';
import { now } from '$lib/server/clock';
import { issueStatusLabel } from '$lib/components/forum-labels';
import type { IssueRefusal } from '$lib/domain/forum';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Moderation is for participation officers only; Board members never see who raised an issue. */
function requireOfficerIssue(event: RequestEvent) {
	const user = requireRole(event, 'participation_officer');
	const issue = issueForOfficer(getDb(), event.params.id);
	if (!issue) error(404, m.error_not_found());
	return { user, issue };
}

/** The issue moved on (another officer, another tab): say what it is now, keeping what was typed. */
function notNow(refusal: IssueRefusal, formData = new FormData()) {
	if (refusal.reason === 'not_found') error(404, m.error_not_found());
	const status = issueStatusLabel(refusal.status);
	return invalid(formData, { form: m.issue_not_now({ status }) }, 409);
}

export const load: PageServerLoad = (event) => {
	const { issue } = requireOfficerIssue(event);
	const db = getDb();
	return { issue, reports: reportsOn(db, issue.id), concerns: concernsForIssue(db, issue.id) };
};

export const actions: Actions = {
	edit: async (event) => {
		const { user } = requireOfficerIssue(event);
		const formData = await event.request.formData();
		const parsed = parseForm(
			issueTextSchema,
			{
				title: text(formData, 'title'),
				whatIsWrong: text(formData, 'whatIsWrong'),
				whatToChange: text(formData, 'whatToChange')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const edited = editIssue(getDb(), user.id, event.params.id, parsed.data, now());
		if (!edited.ok) return notNow(edited, formData);
		return { done: true };
	},
	approve: async (event) => {
		const { user } = requireOfficerIssue(event);
		const approved = approveIssue(getDb(), user.id, event.params.id, now());
		if (!approved.ok) return notNow(approved);
		return { done: true };
	},
	concern: async (event) => {
		const { user } = requireOfficerIssue(event);
		const formData = await event.request.formData();
		const parsed = parseForm(concernSchema, concernFormInput(formData), formData);
		if (!parsed.ok) return parsed.failure;
		concernFromIssue(getDb(), user.id, event.params.id, parsed.data, now());
		return { concernRaised: true };
	},
	take: async (event) => {
		requireOfficerIssue(event);
		const taken = takeToBoard(getDb(), event.params.id, now());
		if (!taken.ok) return notNow(taken);
		return { done: true };
	},
	merge: async (event) => {
		requireOfficerIssue(event);
		const formData = await event.request.formData();
		const parsed = parseForm(mergeSchema, { into: text(formData, 'into') }, formData);
		if (!parsed.ok) return parsed.failure;
		const merged = mergeIssue(getDb(), event.params.id, parsed.data.into, now());
		if (!merged.ok && merged.reason === 'target')
			return invalid(formData, { into: m.error_choose_one() });
		if (!merged.ok) return notNow(merged, formData);
		return { done: true };
	},
	decline: async (event) => {
		requireOfficerIssue(event);
		const formData = await event.request.formData();
		const parsed = parseForm(reasonSchema, { reason: text(formData, 'reason') }, formData);
		if (!parsed.ok) return parsed.failure;
		const declined = declineIssue(getDb(), event.params.id, parsed.data.reason, now());
		if (!declined.ok) return notNow(declined, formData);
		return { done: true };
	},
	answer: async (event) => {
		requireOfficerIssue(event);
		const formData = await event.request.formData();
		const parsed = parseForm(answerTextSchema, { answer: text(formData, 'answer') }, formData);
		if (!parsed.ok) return parsed.failure;
		const answered = answerIssue(getDb(), event.params.id, parsed.data.answer, now());
		if (!answered.ok) return notNow(answered, formData);
		return { done: true };
	}
};
