import { eq } from 'drizzle-orm';
import { sealPlacement } from '$lib/server/people/placement';
import type { Db } from '$lib/server/db';
import {
	actionUpdates,
	auditLog,
	boardActions,
	boardMeetings,
	contentTranslations,
	contentVersions,
	councilLanguages,
	councilSettings,
	entitlements,
	forumIssues,
	forumMembers,
	forums,
	invitations,
	issueFeedback,
	issueReports,
	issueSupports,
	managerDuty,
	noticePreferences,
	notices,
	offerRequests,
	pledgePromises,
	pledgeThemes,
	promiseRatings,
	pushSubscriptions,
	recoveryCodes,
	reviewConsultations,
	reviews,
	careEpisodes,
	earlyReviewRequests,
	youngPeople,
	safeguardingConcerns,
	safetyAlertEvents,
	safetyAlertNotes,
	safetyAlertTold,
	safetyAlerts,
	scorecardEntries,
	sessions,
	statementHandovers,
	complaints,
	advocacyRequests,
	statementMessages,
	statementThemes,
	statements,
	userPreferences,
	users
} from '$lib/server/db/schema';
import { saveCouncilSettings, DEFAULT_SETTINGS } from '$lib/server/council/settings';
import { seal } from '$lib/server/crypto/seal';
import { makeStaff, makeYoungPerson } from './db';

const AT = new Date('2026-03-02T10:00:00Z');
const LATER = new Date('2026-03-03T10:00:00Z');

/**
 * Maya, a young person named in every table that can name a person, with words of hers (and
 * staff's words about her) in every place words are kept. Each piece of words carries a marker
 * (`MAYA-<where>`) so a test can find exactly which ones outlive erasure. Sam is her worker
 * and a manager; Priya an admin; Tyler another young person whose rows must never show.
 */
export function mayaEverywhere(db: Db) {
	saveCouncilSettings(
		db,
		null,
		{
			name: 'Testshire',
			...DEFAULT_SETTINGS,
			phone: null,
			outOfHoursPhone: null,
			email: null
		},
		AT
	);
	const sam = makeStaff(db, 'sam', ['worker', 'manager']);
	const priya = makeStaff(db, 'priya', ['admin']);
	// A second admin, so erasing Priya leaves the council one (the accounts service refuses otherwise).
	makeStaff(db, 'ana', ['admin']);
	const maya = makeYoungPerson(db, 'maya', [{ staffUserId: sam, linkType: 'social_worker' }], AT);
	const tyler = makeYoungPerson(db, 'tyler', [{ staffUserId: sam, linkType: 'social_worker' }], AT);
	db.update(users)
		.set({ totpKey: seal('MAYA-totp'), totpEnabledAt: AT, workPhone: '07700 900123' })
		.where(eq(users.id, maya))
		.run();
	db.update(councilSettings).set({ boardChairId: sam }).run();
	db.update(youngPeople)
		.set({
			councilChildId: 'TS-1001',
			placementSealed: sealPlacement({
				address: 'MAYA-placement',
				carerName: 'Jo Carer',
				carerPhone: '07700 900456'
			}),
			categoryOverride: 'relevant',
			categoryOverrideReason: seal('MAYA-override')
		})
		.where(eq(youngPeople.userId, maya))
		.run();
	db.insert(careEpisodes)
		.values({
			id: 'episode-maya',
			youngPersonId: maya,
			startedOn: '2025-09-01',
			legalStatus: 'C2',
			placementType: 'U4',
			createdAt: AT
		})
		.run();

	db.insert(sessions)
		.values({
			id: 'session-maya',
			userId: maya,
			expiresAt: LATER,
			createdAt: AT,
			withWorkerId: sam
		})
		.run();
	db.insert(recoveryCodes).values({ codeHash: 'code-maya', userId: maya }).run();
	db.insert(invitations)
		.values({
			id: 'invitation-maya',
			codeHash: 'invitation-code-maya',
			kind: 'young_person',
			displayName: 'MAYA-invitation',
			details: { kind: 'young_person', preferredName: 'MAYA-invitation' },
			createdBy: sam,
			createdAt: AT,
			expiresAt: LATER,
			usedAt: AT,
			usedBy: maya
		})
		.run();
	db.insert(auditLog).values({ at: AT, actorId: maya, action: 'signed_in' }).run();
	db.insert(auditLog)
		.values({ at: AT, actorId: sam, action: 'young_person.viewed', subjectUserId: maya })
		.run();

	for (const [id, youngPersonId, words] of [
		['statement-maya', maya, 'MAYA-statement'],
		['statement-tyler', tyler, 'TYLER-statement']
	] as const)
		db.insert(statements)
			.values({
				id,
				youngPersonId,
				template: 'feeling',
				recipientId: sam,
				answersSealed: seal(JSON.stringify({ mood: 'sad', more: words })),
				clientKey: id,
				madeWithId: sam,
				createdAt: AT,
				acknowledgedAt: AT,
				acknowledgedBy: sam,
				caseRecordedAt: AT,
				caseRecordedBy: sam,
				lastFromYoungPersonAt: AT
			})
			.run();
	db.insert(statementThemes).values({ statementId: 'statement-maya', theme: 'feelings' }).run();
	db.insert(statementMessages)
		.values([
			{
				id: 'message-sam',
				statementId: 'statement-maya',
				authorId: sam,
				bodySealed: seal('MAYA-reply'),
				clientKey: 'message-sam',
				createdAt: AT
			},
			{
				id: 'message-maya',
				statementId: 'statement-maya',
				authorId: maya,
				bodySealed: seal('MAYA-message'),
				clientKey: 'message-maya',
				createdAt: LATER
			}
		])
		.run();
	db.insert(statementHandovers)
		.values({
			id: 'handover-maya',
			statementId: 'statement-maya',
			fromId: sam,
			toId: priya,
			byId: sam,
			noteSealed: seal('MAYA-handover'),
			clientKey: 'handover-maya',
			at: AT
		})
		.run();
	db.insert(complaints)
		.values({
			id: 'complaint-maya',
			statementId: 'statement-maya',
			youngPersonId: maya,
			receivedOn: '2026-01-05',
			extendedAt: AT,
			extendedById: sam,
			extensionReasonSealed: seal('MAYA-extension'),
			answeredAt: LATER,
			answeredOn: '2026-01-20',
			answeredById: priya,
			answerSealed: seal('MAYA-complaint-answer'),
			createdAt: AT
		})
		.run();
	db.insert(advocacyRequests)
		.values({
			id: 'advocacy-maya',
			statementId: 'statement-maya',
			youngPersonId: maya,
			createdAt: AT,
			passedOnAt: LATER,
			passedOnById: sam
		})
		.run();
	db.insert(safetyAlerts)
		.values({
			id: 'alert-maya',
			youngPersonId: maya,
			statementId: 'statement-maya',
			source: 'button',
			clientKey: 'alert-maya',
			raisedAt: AT,
			acknowledgedAt: AT,
			acknowledgedBy: sam,
			closedAt: LATER,
			closedBy: sam,
			outcome: 'spoke_safe'
		})
		.run();
	const event = db
		.insert(safetyAlertEvents)
		.values({ alertId: 'alert-maya', kind: 'raised', at: AT, actorId: maya })
		.returning({ id: safetyAlertEvents.id })
		.get();
	db.insert(safetyAlertTold).values({ eventId: event.id, userId: sam, reason: 'worker' }).run();
	db.insert(safetyAlertNotes)
		.values({
			id: 'alert-note-maya',
			alertId: 'alert-maya',
			authorId: sam,
			bodySealed: seal('MAYA-alert-note'),
			createdAt: AT
		})
		.run();
	db.insert(managerDuty).values({ userId: sam, onDuty: true, changedAt: AT }).run();

	db.insert(reviews)
		.values({
			id: 'review-maya',
			youngPersonId: maya,
			kind: 'child_in_care',
			chairId: sam,
			number: 1,
			dueOn: '2026-03-20',
			meetingAt: '2026-03-20T10:00',
			place: 'School',
			status: 'held',
			heldOn: '2026-03-20',
			participationCode: 'PN1',
			decisionsSealed: seal('MAYA-decisions'),
			letterSealed: seal('MAYA-letter'),
			letterAt: LATER,
			createdAt: AT
		})
		.run();
	db.insert(earlyReviewRequests)
		.values({
			id: 'early-maya',
			youngPersonId: maya,
			reason: 'iro_request',
			askedBy: sam,
			askedOn: '2026-03-01',
			whySealed: seal('MAYA-early-review'),
			createdAt: AT
		})
		.run();
	db.insert(reviewConsultations)
		.values({
			reviewId: 'review-maya',
			answersSealed: seal(JSON.stringify({ wellHome: 'MAYA-views' })),
			savedAt: AT
		})
		.run();

	db.insert(pledgeThemes)
		.values({ id: 'theme', title: 'Listening', position: 1, updatedAt: AT })
		.run();
	db.insert(pledgePromises)
		.values({ id: 'promise', themeId: 'theme', text: 'We will listen', position: 1, updatedAt: AT })
		.run();
	db.insert(promiseRatings)
		.values({
			promiseId: 'promise',
			youngPersonId: maya,
			rating: 'sometimes',
			commentSealed: seal('MAYA-rating'),
			updatedAt: AT
		})
		.run();
	db.insert(entitlements)
		.values({
			id: 'entitlement',
			slug: 'setting-up-home',
			area: 'health_wellbeing',
			title: 'Setting up home',
			summary: 'Money for a first home',
			details: 'Details',
			statutory: true,
			categories: ['former_relevant'],
			conditions: [],
			howToGet: 'Ask your PA',
			contact: 'Your PA',
			position: 1,
			updatedAt: AT
		})
		.run();
	db.insert(offerRequests)
		.values({
			id: 'request-maya',
			youngPersonId: maya,
			entitlementId: 'entitlement',
			messageSealed: seal('MAYA-request'),
			status: 'done',
			answerSealed: seal('MAYA-request-answer'),
			answeredBy: sam,
			createdAt: AT,
			answeredAt: LATER
		})
		.run();
	db.insert(contentVersions)
		.values({
			id: 'version',
			entityType: 'promise',
			entityId: 'promise',
			data: {},
			state: 'published',
			createdBy: sam,
			createdAt: AT
		})
		.run();

	db.insert(forums)
		.values({ id: 'forum', name: 'Children in Care Council', description: '', createdAt: AT })
		.run();
	db.insert(forumMembers).values({ forumId: 'forum', userId: maya }).run();
	db.insert(forumIssues)
		.values({
			id: 'issue-maya',
			forumId: 'forum',
			raisedBy: maya,
			named: true,
			title: 'MAYA-issue-title',
			whatIsWrong: 'MAYA-issue-wrong',
			whatToChange: 'MAYA-issue-change',
			originalTitle: 'MAYA-issue-original-title',
			originalWhatIsWrong: 'MAYA-issue-original-wrong',
			originalWhatToChange: 'MAYA-issue-original-change',
			editedBy: sam,
			editedAt: AT,
			approvedBy: sam,
			approvedAt: AT,
			status: 'open',
			createdAt: AT
		})
		.run();
	db.insert(issueSupports).values({ issueId: 'issue-maya', userId: maya, createdAt: AT }).run();
	db.insert(issueReports)
		.values({
			id: 'report-maya',
			issueId: 'issue-maya',
			reporterId: maya,
			reason: 'MAYA-report',
			createdAt: AT
		})
		.run();
	db.insert(issueFeedback)
		.values({ issueId: 'issue-maya', userId: maya, helped: 'partly', createdAt: AT })
		.run();
	db.insert(safeguardingConcerns)
		.values({
			id: 'concern-maya',
			alertId: 'alert-maya',
			youngPersonId: maya,
			issueId: 'issue-maya',
			wordsSealed: seal('MAYA-concern-words'),
			noteSealed: seal('MAYA-concern-note'),
			allegation: 'staff',
			raisedBy: sam,
			raisedAt: AT,
			ladoStartedBy: sam,
			ladoStartedAt: AT
		})
		.run();
	db.insert(boardMeetings)
		.values({ id: 'meeting', meetingOn: '2026-04-01', place: 'Hall', createdAt: AT })
		.run();
	db.insert(boardActions)
		.values({
			id: 'action',
			issueId: 'issue-maya',
			meetingId: 'meeting',
			what: 'Fix it',
			ownerId: sam,
			dueOn: '2026-06-01',
			status: 'on_track',
			createdAt: AT
		})
		.run();
	db.insert(actionUpdates)
		.values({
			id: 'action-update',
			actionId: 'action',
			authorId: sam,
			status: 'on_track',
			progress: 10,
			note: 'Started',
			createdAt: AT
		})
		.run();
	db.insert(scorecardEntries)
		.values({
			id: 'entry',
			measure: 'm',
			quarter: '2026-Q1',
			value: 1,
			enteredBy: sam,
			enteredAt: AT
		})
		.run();

	db.insert(notices)
		.values({ id: 'notice-maya', userId: maya, kind: 'new_reply', link: '/me', createdAt: AT })
		.run();
	db.insert(pushSubscriptions)
		.values({
			id: 'push-maya',
			userId: maya,
			endpoint: 'https://push.invalid/maya',
			p256dh: 'key',
			auth: 'auth',
			deviceLabel: 'Maya’s phone',
			createdAt: AT
		})
		.run();
	db.insert(noticePreferences)
		.values({
			userId: maya,
			pushEnabled: true,
			quietStart: '21:00',
			quietEnd: '07:00',
			updatedAt: AT
		})
		.run();
	db.insert(userPreferences)
		.values({
			userId: maya,
			locale: 'cy',
			textSize: 'large',
			express: 'on',
			expressSetBy: sam,
			updatedAt: AT
		})
		.run();
	db.insert(councilLanguages)
		.values({
			code: 'cy',
			safetyCheckedBy: 'A speaker',
			safetyCheckedOn: '2026-01-01',
			enabledBy: sam,
			enabledAt: AT
		})
		.run();
	db.insert(contentTranslations)
		.values({
			entityType: 'promise',
			entityId: 'promise',
			locale: 'cy',
			fields: { text: 'Byddwn yn gwrando' },
			sourceUpdatedAt: AT,
			updatedBy: sam,
			updatedAt: AT
		})
		.run();
	return { maya, tyler, sam, priya, at: AT };
}
