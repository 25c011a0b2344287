import { and, asc, desc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { ageOn, SHORT_BREAK_STATUSES, ukToday } from '$lib/domain/people';
import {
	addCalendarDays,
	ageBand,
	openEarlyRequests,
	participationProblem,
	pathwayPlanNext,
	reviewTimeline,
	type EarlyReviewReason,
	type ParticipationCode
} from '$lib/domain/reviews';
import type { ConsultationAnswers } from '$lib/domain/consultation';
import type { Db } from '../db';
import { durably } from '../db/durable';
import {
	careEpisodes,
	earlyReviewRequests,
	reviewConsultations,
	reviews,
	users,
	workerLinks,
	youngPeople
} from '../db/schema';
import { newId } from '../ids';
import { seal, unsealOptional } from '../crypto/seal';
import { enqueueJob } from '../jobs/queue';
import { notify } from '../notify/notify';
import { activeOn } from '../people/young-people';
import { careRecords } from '../people/care-record';
import { careStatusOn } from '$lib/domain/leaving-care';

export const REVIEW_INVITE_JOB = 'review.invite';
export const REVIEW_REMINDER_JOB = 'review.remind';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A meeting time (UK, YYYY-MM-DDTHH:MM) as an instant, near enough for reminders. */
function meetingInstant(meetingAt: string): Date {
	return new Date(`${meetingAt}:00Z`);
}

/**
 * The young people whose reviews a member of staff chairs today: children in care they are
 * IRO for, and care leavers they are PA for.
 */
function chairedBy(db: Db, staffId: string, today: string) {
	const rows = db
		.select({
			id: users.id,
			name: users.displayName,
			dateOfBirth: youngPeople.dateOfBirth,
			linkType: workerLinks.linkType
		})
		.from(workerLinks)
		.innerJoin(youngPeople, eq(youngPeople.userId, workerLinks.youngPersonId))
		.innerJoin(users, eq(users.id, youngPeople.userId))
		.where(
			and(
				eq(workerLinks.staffUserId, staffId),
				inArray(workerLinks.linkType, ['iro', 'personal_adviser']),
				activeOn(today)
			)
		)
		.orderBy(asc(users.displayName))
		.all();
	// In care or not is worked out from the periods of care today, not stored.
	const records = careRecords(
		db,
		rows.map((row) => row.id)
	);
	return rows
		.map((row) => ({ ...row, careStatus: careStatusOn(records.get(row.id)!, today) }))
		.filter(
			(row) =>
				(row.linkType === 'iro' && row.careStatus === 'in_care') ||
				(row.linkType === 'personal_adviser' && row.careStatus === 'care_leaver')
		);
}

/** Whether this member of staff chairs this young person's reviews today. */
export function chairsReviewsFor(db: Db, staffId: string, youngPersonId: string, today: string) {
	return chairedBy(db, staffId, today).some((child) => child.id === youngPersonId);
}

/** The period of care a child is in today: the latest one begun and not ended. */
export function openEpisode(db: Db, youngPersonId: string, today: string) {
	return (
		db
			.select()
			.from(careEpisodes)
			.where(
				and(
					eq(careEpisodes.youngPersonId, youngPersonId),
					or(isNull(careEpisodes.endedOn), gt(careEpisodes.endedOn, today))
				)
			)
			.orderBy(desc(careEpisodes.startedOn))
			.all()
			.find((episode) => episode.startedOn <= today) ?? null
	);
}

function heldIn(db: Db, episodeId: string) {
	return db
		.select({ heldOn: reviews.heldOn })
		.from(reviews)
		.where(
			and(
				eq(reviews.episodeId, episodeId),
				eq(reviews.kind, 'child_in_care'),
				eq(reviews.status, 'held')
			)
		)
		.all()
		.map((row) => ({ heldOn: row.heldOn! }));
}

/**
 * Where a child in care's reviews stand in their current period of care: held ones (late or
 * not) and the next due. Null when no period of care is open.
 */
export function timelineFor(db: Db, youngPersonId: string, today: string) {
	const episode = openEpisode(db, youngPersonId, today);
	if (!episode) return null;
	const lastReviewBeforeHearthOn =
		db
			.select({ on: youngPeople.lastReviewBeforeHearthOn })
			.from(youngPeople)
			.where(eq(youngPeople.userId, youngPersonId))
			.get()?.on ?? null;
	const shortBreak = !!episode.legalStatus && SHORT_BREAK_STATUSES.includes(episode.legalStatus);
	const timeline = reviewTimeline(
		{ startedOn: episode.startedOn, shortBreak, lastReviewBeforeHearthOn },
		heldIn(db, episode.id),
		today
	);
	return { ...timeline, episodeId: episode.id, shortBreak };
}

/**
 * A care leaver's next pathway plan review: 6 months from the last held in Hearth, or from the
 * last held before Hearth. Null when neither is known.
 */
export function pathwayTimelineFor(db: Db, youngPersonId: string, today: string) {
	const last = db
		.select({ heldOn: reviews.heldOn })
		.from(reviews)
		.where(
			and(
				eq(reviews.youngPersonId, youngPersonId),
				eq(reviews.kind, 'pathway_plan'),
				eq(reviews.status, 'held')
			)
		)
		.orderBy(desc(reviews.heldOn))
		.get()?.heldOn;
	const before = db
		.select({ on: youngPeople.lastReviewBeforeHearthOn })
		.from(youngPeople)
		.where(eq(youngPeople.userId, youngPersonId))
		.get()?.on;
	return pathwayPlanNext(last ?? before ?? null, today);
}

/** The next review of either kind, by the young person's care status. */
function nextFor(db: Db, child: { id: string; careStatus: string }, today: string) {
	if (child.careStatus === 'in_care') {
		const timeline = timelineFor(db, child.id, today);
		return timeline
			? {
					next: timeline.next,
					lateCount: timeline.held.filter((review) => review.late).length,
					shortBreak: timeline.shortBreak
				}
			: null;
	}
	const next = pathwayTimelineFor(db, child.id, today);
	return next ? { next, lateCount: 0, shortBreak: false } : null;
}

/** Early reviews asked for and not yet answered by a review held on or after the day asked. */
export function openEarlyReviewRequests(db: Db, youngPersonId: string) {
	const requests = db
		.select({
			id: earlyReviewRequests.id,
			reason: earlyReviewRequests.reason,
			askedOn: earlyReviewRequests.askedOn,
			askedBy: users.displayName,
			whySealed: earlyReviewRequests.whySealed
		})
		.from(earlyReviewRequests)
		.innerJoin(users, eq(users.id, earlyReviewRequests.askedBy))
		.where(eq(earlyReviewRequests.youngPersonId, youngPersonId))
		.orderBy(asc(earlyReviewRequests.askedOn))
		.all();
	const held = db
		.select({ heldOn: reviews.heldOn })
		.from(reviews)
		.where(and(eq(reviews.youngPersonId, youngPersonId), eq(reviews.status, 'held')))
		.all()
		.map((row) => row.heldOn!);
	return openEarlyRequests(requests, held).map(({ whySealed, ...request }) => ({
		...request,
		why: unsealOptional(whySealed) ?? ''
	}));
}

/**
 * Record that an early review is needed: the IRO asks for one (reg. 33(3)(a)), or a change of
 * placement calls for one (reg. 32(2)). The reason is sealed; the request shows on the IRO's list.
 */
export function requestEarlyReview(
	db: Db,
	input: { youngPersonId: string; askedBy: string; reason: EarlyReviewReason; why: string },
	now: Date
): string {
	const today = ukToday(now);
	const id = newId();
	db.insert(earlyReviewRequests)
		.values({
			id,
			youngPersonId: input.youngPersonId,
			episodeId: openEpisode(db, input.youngPersonId, today)?.id ?? null,
			reason: input.reason,
			askedBy: input.askedBy,
			askedOn: today,
			whySealed: seal(input.why),
			createdAt: now
		})
		.run();
	return id;
}

function upcoming(db: Db, youngPersonId: string) {
	return (
		db
			.select({ id: reviews.id, meetingAt: reviews.meetingAt, place: reviews.place })
			.from(reviews)
			.where(and(eq(reviews.youngPersonId, youngPersonId), eq(reviews.status, 'scheduled')))
			.orderBy(asc(reviews.meetingAt))
			.get() ?? null
	);
}

/** One row of a review list: the young person, their next review and the rule behind its date, flags, the meeting booked. */
function reviewRow(
	db: Db,
	child: { id: string; name: string; dateOfBirth: string; careStatus: string },
	today: string
) {
	const found = nextFor(db, child, today);
	return {
		id: child.id,
		name: child.name,
		age: ageOn(child.dateOfBirth, today),
		kind: child.careStatus === 'in_care' ? ('child_in_care' as const) : ('pathway_plan' as const),
		next: found?.next ?? null,
		nextDueOn: found?.next.dueOn ?? null,
		overdue: found?.next.overdue ?? false,
		daysOverdue: found?.next.daysOverdue ?? 0,
		shortBreak: found?.shortBreak ?? false,
		lateCount: found?.lateCount ?? 0,
		earlyRequests: openEarlyReviewRequests(db, child.id),
		scheduled: upcoming(db, child.id)
	};
}

/** The IRO's (or PA's) work list: each young person, their next review, late flags, the meeting booked. */
export function reviewWorkList(db: Db, staffId: string, today: string) {
	return chairedBy(db, staffId, today).map((child) => reviewRow(db, child, today));
}

/** How near a due date counts as "due soon" on the manager's view. */
export const DUE_SOON_DAYS = 28;

/**
 * Review timeliness across the service, for managers: every child in care and care leaver,
 * whoever chairs their reviews, with counts of those due soon, overdue, and held late this year.
 */
export function serviceTimeliness(db: Db, today: string) {
	const everyone = db
		.select({ id: users.id, name: users.displayName, dateOfBirth: youngPeople.dateOfBirth })
		.from(youngPeople)
		.innerJoin(users, eq(users.id, youngPeople.userId))
		.where(isNull(users.disabledAt))
		.orderBy(asc(users.displayName))
		.all();
	// In care or not is worked out from the periods of care today, as on the IRO's list.
	const records = careRecords(
		db,
		everyone.map((row) => row.id)
	);
	const people = everyone.map((row) => ({
		...row,
		careStatus: careStatusOn(records.get(row.id)!, today)
	}));
	const soon = addCalendarDays(today, DUE_SOON_DAYS);
	const rows = people.map((child) => {
		const row = reviewRow(db, child, today);
		const chair = myChair(db, child.id, today);
		return {
			...row,
			chairName: chair?.name ?? null,
			dueSoon: !!row.nextDueOn && !row.overdue && row.nextDueOn <= soon
		};
	});
	const yearAgo = addCalendarDays(today, -365);
	const heldLate = db
		.select({ heldOn: reviews.heldOn, dueOn: reviews.dueOn })
		.from(reviews)
		.where(and(eq(reviews.status, 'held'), gt(reviews.heldOn, yearAgo)))
		.all()
		.filter((review) => review.dueOn && review.heldOn! > review.dueOn).length;
	return {
		rows,
		dueSoon: rows.filter((row) => row.dueSoon).length,
		overdue: rows.filter((row) => row.overdue).length,
		heldLate
	};
}

export type ScheduleResult =
	{ ok: true; id: string } | { ok: false; reason: 'not_chair' | 'already' };

/**
 * Book a review. The child is told ten days before (at once if it is sooner) and reminded three
 * days before if they have not had their say, through durable jobs.
 */
export function scheduleReview(
	db: Db,
	chairId: string,
	input: { youngPersonId: string; meetingAt: string; place: string },
	now: Date
): ScheduleResult {
	const today = ukToday(now);
	const child = chairedBy(db, chairId, today).find((c) => c.id === input.youngPersonId);
	if (!child) return { ok: false, reason: 'not_chair' };
	if (upcoming(db, input.youngPersonId)) return { ok: false, reason: 'already' };
	const kind = child.careStatus === 'in_care' ? 'child_in_care' : 'pathway_plan';
	// A child in care's review belongs to the period of care open now, numbered within it.
	const timeline = kind === 'child_in_care' ? timelineFor(db, child.id, today) : null;
	const next = timeline ? timeline.next : pathwayTimelineFor(db, child.id, today);
	const id = newId();
	const meeting = meetingInstant(input.meetingAt);
	db.transaction((tx) => {
		tx.insert(reviews)
			.values({
				id,
				youngPersonId: child.id,
				kind,
				chairId,
				episodeId: timeline?.episodeId ?? null,
				number: next?.number ?? null,
				dueOn: next?.dueOn ?? null,
				meetingAt: input.meetingAt,
				place: input.place,
				status: 'scheduled',
				createdAt: now
			})
			.run();
		const inviteAt = new Date(Math.max(now.getTime(), meeting.getTime() - 10 * DAY_MS));
		enqueueJob(
			tx,
			REVIEW_INVITE_JOB,
			{ reviewId: id },
			{ runAt: inviteAt, uniqueKey: `${REVIEW_INVITE_JOB}:${id}` },
			now
		);
		const remindAt = meeting.getTime() - 3 * DAY_MS;
		if (remindAt > now.getTime())
			enqueueJob(
				tx,
				REVIEW_REMINDER_JOB,
				{ reviewId: id },
				{ runAt: new Date(remindAt), uniqueKey: `${REVIEW_REMINDER_JOB}:${id}` },
				now
			);
	});
	return { ok: true, id };
}

/** The invitation and reminder jobs: tell the child, unless it no longer applies. */
export function reviewNoticeJob(kind: 'invite' | 'remind') {
	return (db: Db, payload: Record<string, unknown>, now: Date) => {
		const review = db
			.select()
			.from(reviews)
			.where(eq(reviews.id, String(payload.reviewId)))
			.get();
		if (!review || review.status !== 'scheduled') return;
		if (kind === 'remind' && consultationOf(db, review.id)?.sentAt) return;
		notify(db, [review.youngPersonId], 'review_reminder', `/me/reviews/${review.id}`, now);
	};
}

export function reviewById(db: Db, reviewId: string) {
	const row = db
		.select({
			id: reviews.id,
			youngPersonId: reviews.youngPersonId,
			name: users.displayName,
			dateOfBirth: youngPeople.dateOfBirth,
			kind: reviews.kind,
			chairId: reviews.chairId,
			number: reviews.number,
			dueOn: reviews.dueOn,
			meetingAt: reviews.meetingAt,
			place: reviews.place,
			status: reviews.status,
			heldOn: reviews.heldOn,
			participationCode: reviews.participationCode,
			viewsThroughApp: reviews.viewsThroughApp,
			decisionsSealed: reviews.decisionsSealed,
			letterSealed: reviews.letterSealed,
			letterAt: reviews.letterAt
		})
		.from(reviews)
		.innerJoin(users, eq(users.id, reviews.youngPersonId))
		.innerJoin(youngPeople, eq(youngPeople.userId, reviews.youngPersonId))
		.where(eq(reviews.id, reviewId))
		.get();
	if (!row) return null;
	const chair = db
		.select({ name: users.displayName })
		.from(users)
		.where(eq(users.id, row.chairId))
		.get();
	const { decisionsSealed, letterSealed, ...review } = row;
	return {
		...review,
		chairName: chair?.name ?? '',
		decisions: unsealOptional(decisionsSealed),
		letter: unsealOptional(letterSealed),
		ageBand: ageBand(ageOn(row.dateOfBirth, row.meetingAt.slice(0, 10)))
	};
}

export function consultationOf(db: Db, reviewId: string) {
	const row = db
		.select()
		.from(reviewConsultations)
		.where(eq(reviewConsultations.reviewId, reviewId))
		.get();
	if (!row) return null;
	return {
		answers: JSON.parse(unsealOptional(row.answersSealed) ?? '{}') as ConsultationAnswers,
		savedAt: row.savedAt,
		sentAt: row.sentAt
	};
}

export type SaveResult = { ok: true; sent: boolean } | { ok: false; reason: 'closed' };

/**
 * The child saves their answers (and sends them when ready). Once sent, sending again changes
 * nothing; a review already held takes no more answers. The chair is told when they arrive.
 */
export function saveConsultation(
	db: Db,
	reviewId: string,
	answers: ConsultationAnswers,
	send: boolean,
	now: Date
): SaveResult {
	const review = db.select().from(reviews).where(eq(reviews.id, reviewId)).get();
	if (!review || review.status !== 'scheduled') return { ok: false, reason: 'closed' };
	const existing = db
		.select()
		.from(reviewConsultations)
		.where(eq(reviewConsultations.reviewId, reviewId))
		.get();
	if (existing?.sentAt) return { ok: true, sent: true };
	durably(db, () =>
		db.transaction((tx) => {
			const values = {
				answersSealed: seal(JSON.stringify(answers)),
				savedAt: now,
				sentAt: send ? now : null
			};
			tx.insert(reviewConsultations)
				.values({ reviewId, ...values })
				.onConflictDoUpdate({ target: reviewConsultations.reviewId, set: values })
				.run();
			if (send) notify(tx, [review.chairId], 'new_message', `/work/reviews/${reviewId}`, now);
		})
	);
	return { ok: true, sent: send };
}

export type OutcomeResult =
	| { ok: true }
	| {
			ok: false;
			reason: 'not_chair' | 'not_scheduled' | 'code_age' | 'code_views_sent' | 'code_needed';
	  };

/**
 * After the meeting: record that it happened, the participation code (children in care only;
 * fitting the child's age, and not PN7 when they sent their views through Hearth), the
 * decisions, and a letter the young person reads in the app.
 */
export function recordOutcome(
	db: Db,
	chairId: string,
	reviewId: string,
	input: { heldOn: string; code: ParticipationCode | null; decisions: string; letter: string },
	now: Date
): OutcomeResult {
	const review = reviewById(db, reviewId);
	if (!review) return { ok: false, reason: 'not_scheduled' };
	if (review.chairId !== chairId) return { ok: false, reason: 'not_chair' };
	if (review.status !== 'scheduled') return { ok: false, reason: 'not_scheduled' };
	const consultation = consultationOf(db, reviewId);
	let code: ParticipationCode | null = null;
	if (review.kind === 'child_in_care') {
		if (!input.code) return { ok: false, reason: 'code_needed' };
		const problem = participationProblem(
			input.code,
			review.dateOfBirth,
			input.heldOn,
			!!consultation?.sentAt
		);
		if (problem) return { ok: false, reason: problem };
		code = input.code;
	}
	db.transaction((tx) => {
		tx.update(reviews)
			.set({
				status: 'held',
				heldOn: input.heldOn,
				participationCode: code,
				viewsThroughApp: !!consultation?.sentAt,
				decisionsSealed: seal(input.decisions),
				letterSealed: seal(input.letter),
				letterAt: now
			})
			.where(eq(reviews.id, reviewId))
			.run();
		notify(tx, [review.youngPersonId], 'review_letter', `/me/reviews/${reviewId}`, now);
	});
	return { ok: true };
}

/** A young person's reviews, newest first, and who chairs them. */
export function myReviews(db: Db, youngPersonId: string) {
	return db
		.select({
			id: reviews.id,
			kind: reviews.kind,
			meetingAt: reviews.meetingAt,
			place: reviews.place,
			status: reviews.status,
			chair: users.displayName,
			hasLetter: reviews.letterAt
		})
		.from(reviews)
		.innerJoin(users, eq(users.id, reviews.chairId))
		.where(eq(reviews.youngPersonId, youngPersonId))
		.orderBy(desc(reviews.meetingAt))
		.all()
		.map((row) => ({ ...row, hasLetter: !!row.hasLetter }));
}

/** Who chairs a young person's reviews today (their IRO, or PA for a care leaver). */
export function myChair(db: Db, youngPersonId: string, today: string) {
	const rows = db
		.select({ name: users.displayName, linkType: workerLinks.linkType })
		.from(workerLinks)
		.innerJoin(users, eq(users.id, workerLinks.staffUserId))
		.where(and(eq(workerLinks.youngPersonId, youngPersonId), activeOn(today)))
		.all();
	const record = careRecords(db, [youngPersonId]).get(youngPersonId);
	const wanted =
		record && careStatusOn(record, today) === 'care_leaver' ? 'personal_adviser' : 'iro';
	return rows.find((row) => row.linkType === wanted) ?? null;
}
