import type { z } from 'zod';
import { expressChoiceSchema } from '$lib/server/preferences/schemas';
import { conditionsSchema, resetCodeSchema } from '$lib/server/people/schemas';
import { createResetCode } from '$lib/server/accounts/invitations';
import { requireRecord } from '$lib/server/auth/guard';
import type { SignedInContext } from '$lib/server/http/context';
import {
	action,
	formActions,
	notFound,
	page,
	refuse,
	type ActionEvent
} from '$lib/server/http/handlers';
import { isLinked, setConditions, youngPersonRecord } from '$lib/server/people/young-people';
import {
	careDetails,
	careRecordOf,
	forumsOf,
	saveCarePeriod,
	setCategoryOverride,
	setCouncilChildId,
	setForumMembership,
	setLastReviewBeforeHearth,
	setPlacement,
	placementOf
} from '$lib/server/people/care-record';
import { openEpisode, requestEarlyReview } from '$lib/server/reviews/reviews';
import {
	carePeriodSchema,
	categoryOverrideSchema,
	councilChildIdSchema,
	forumMembershipSchema,
	lastReviewSchema,
	placementSchema
} from '$lib/server/people/care-schemas';
import {
	categoryOn,
	comingAt18,
	currentPeriod,
	derivedCategory,
	isShortBreak
} from '$lib/domain/leaving-care';
import type { PeriodProblem } from '$lib/domain/leaving-care';
import { expressState, setExpress } from '$lib/server/preferences/express';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The young person's record, for staff who may open it (audited either way), or 404. */
function openRecord(ctx: SignedInContext, event: Pick<ActionEvent, 'params' | 'url'>) {
	requireRecord(ctx, event.params.id, event.url.pathname);
	const record = youngPersonRecord(ctx.db, event.params.id, ctx.today);
	if (!record) notFound();
	return record;
}

/** A form about this young person: their record is opened first, before anything is read. */
function aboutRecord<S extends z.ZodType>(schema: S | ((today: string) => S)) {
	return (ctx: SignedInContext, event: ActionEvent) => {
		requireRecord(ctx, event.params.id, event.url.pathname);
		return typeof schema === 'function' ? schema(ctx.today) : schema;
	};
}

const periodProblemMessage: Record<PeriodProblem, () => string> = {
	ends_before_start: m.care_error_ends_before_start,
	overlaps: m.care_error_overlaps,
	two_open: m.care_error_two_open
};

export const load = page('openRecords', (ctx, event) => {
	const record = openRecord(ctx, event);
	// A manager who is not linked to them must say why before making a new-password code.
	const resetNeedsReason = !isLinked(ctx.db, ctx.user.id, event.params.id, ctx.today);
	const express = expressState(ctx.db, event.params.id, ctx.today);
	const care = careDetails(ctx.db, event.params.id)!;
	const careRecord = careRecordOf(ctx.db, event.params.id)!;
	const current = currentPeriod(care.periods, ctx.today);
	return {
		record,
		care: {
			...care,
			periods: care.periods.map((period) => ({ ...period, shortBreak: isShortBreak(period) })),
			// What the law gives from the record, shown beside a manager's override.
			derivedCategory: careRecord.periods.length
				? derivedCategory(record.dateOfBirth, careRecord.periods, ctx.today)
				: categoryOn({ ...careRecord, override: null }, ctx.today),
			comingAt18: comingAt18(
				record.dateOfBirth,
				careRecord,
				current?.placementType ?? null,
				ctx.today
			)
		},
		forums: forumsOf(ctx.db, event.params.id),
		mayEdit: ctx.can('editRecords'),
		mayOverride: ctx.can('overrideCategory'),
		today: ctx.today,
		express: { on: express.on, setting: express.setting, setByName: express.setByName },
		resetNeedsReason
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	/** Picture mode for a young person: a linked worker can switch it on or off (audited). */
	express: action('openRecords', aboutRecord(expressChoiceSchema), (ctx, { express }, event) => {
		if (!youngPersonRecord(ctx.db, event.params.id, ctx.today)) notFound();
		setExpress(ctx.db, event.params.id, express, ctx.user.id, ctx.now);
		return { done: m.record_express_saved() };
	}),
	/**
	 * A forgotten password: a one-time code given to the young person themselves. The worker linked
	 * to them today may make one; a manager who is not must say why (createResetCode decides).
	 */
	resetCode: action('openRecords', aboutRecord(resetCodeSchema), (ctx, { reason }, event) => {
		const record = youngPersonRecord(ctx.db, event.params.id, ctx.today);
		if (!record) notFound();
		const made = createResetCode(
			ctx.db,
			{ makerId: ctx.user.id, userId: event.params.id, reason },
			ctx.now
		);
		if (!made.ok)
			return refuse({
				reason: made.why === 'reason_needed' ? m.reset_reason_needed() : m.reset_not_allowed()
			});
		return { resetCode: { code: made.code, expiresAt: made.expiresAt, name: record.name } };
	}),
	/** A linked worker records the young person's situation, which the Local Offer depends on. */
	conditions: action('openRecords', aboutRecord(conditionsSchema), (ctx, { conditions }, event) => {
		if (!youngPersonRecord(ctx.db, event.params.id, ctx.today)) notFound();
		setConditions(ctx.db, ctx.user.id, event.params.id, conditions, ctx.now);
		return { done: m.record_conditions_saved() };
	}),
	/** The council's child ID: unique, so a clash is refused beside the field. */
	councilId: action(
		'editRecords',
		aboutRecord(councilChildIdSchema),
		(ctx, { councilChildId }, event) => {
			const saved = setCouncilChildId(
				ctx.db,
				ctx.user.id,
				event.params.id,
				councilChildId,
				ctx.now
			);
			if (!saved.ok) return refuse({ councilChildId: m.care_error_council_id_taken() }, 409);
			return { done: m.care_saved() };
		}
	),
	/** Add a period of care, or change or end one: refused beside the dates when they clash. */
	period: action('editRecords', aboutRecord(carePeriodSchema), (ctx, input, event) => {
		const { periodId, ...period } = input;
		const saved = saveCarePeriod(
			ctx.db,
			ctx.user.id,
			event.params.id,
			periodId || null,
			period,
			ctx.now
		);
		if (!saved.ok) {
			if (saved.why === 'not_found') notFound();
			const field = saved.why === 'two_open' ? 'endedOn' : 'startedOn';
			return refuse({ [field]: periodProblemMessage[saved.why]() });
		}
		return { done: m.care_saved() };
	}),
	/** Where they live now, sealed; shown only to those who may open the record. */
	placement: action('editRecords', aboutRecord(placementSchema), (ctx, input, event) => {
		const before = placementOf(ctx.db, event.params.id);
		setPlacement(ctx.db, ctx.user.id, event.params.id, input.address ? input : null, ctx.now);
		// A move to a new home calls for the child's review to be brought forward (reg. 32(2)):
		// it goes on the IRO's list. A first address recorded, or a corrected phone, is not a move.
		const moved = before && input.address && before.address.trim() !== input.address.trim();
		if (moved && openEpisode(ctx.db, event.params.id, ctx.today))
			requestEarlyReview(
				ctx.db,
				{
					youngPersonId: event.params.id,
					askedBy: ctx.user.id,
					reason: 'placement_change',
					why: m.care_moved_review_why()
				},
				ctx.now
			);
		return { done: m.care_saved() };
	}),
	/** The last review held before Hearth, for a child already in care when it came. */
	lastReview: action('editRecords', aboutRecord(lastReviewSchema), (ctx, { heldOn }, event) => {
		setLastReviewBeforeHearth(ctx.db, ctx.user.id, event.params.id, heldOn, ctx.now);
		return { done: m.care_saved() };
	}),
	/** A manager's override of the category the law gives from the record, with why. */
	override: action(
		'overrideCategory',
		aboutRecord(categoryOverrideSchema),
		(ctx, { category, reason }, event) => {
			setCategoryOverride(
				ctx.db,
				ctx.user.id,
				event.params.id,
				category ? { category, reason } : null,
				ctx.now
			);
			return { done: m.care_saved() };
		}
	),
	/** Put them on a forum or take them off (their worker decides with them). */
	forum: action(
		'editRecords',
		aboutRecord(forumMembershipSchema),
		(ctx, { forumId, member }, event) => {
			if (
				!setForumMembership(
					ctx.db,
					ctx.user.id,
					event.params.id,
					forumId,
					member === 'yes',
					ctx.now
				)
			)
				notFound();
			return { done: m.care_saved() };
		}
	)
}) satisfies Actions;
