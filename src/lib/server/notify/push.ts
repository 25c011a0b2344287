import webpush from 'web-push';
import { createHash } from 'node:crypto';
import type { Agent } from 'node:https';
import { eq } from 'drizzle-orm';
import { isUrgent, type NoticeKind } from '$lib/domain/notices';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { pushSubscriptions, type Job } from '../db/schema';
import { getCouncilSettings } from '../council/settings';
import { RetryJobLater, type RetryPlan } from '../jobs/queue';
import { safetyAlertStillOpen } from '../voice/safety';
import { vapidKeys, vapidSubject, vapidSubjectProblemText, warnOnceAboutSubject } from './vapid';
import { isAllowedPushEndpoint } from './endpoints';

/** The words for a kind of notice: the same general sentence in the app and on a lock screen. */
export function noticeText(kind: NoticeKind): string {
	const texts: Record<NoticeKind, () => string> = {
		new_message: m.notice_new_message,
		new_reply: m.notice_new_reply,
		unhappy_home: m.notice_unhappy_home,
		safety_alert: m.notice_safety_alert,
		safety_escalation: m.notice_safety_escalation,
		review_reminder: m.notice_review_reminder,
		review_letter: m.notice_review_letter,
		request_update: m.notice_request_update,
		invitation_used: m.notice_invitation_used,
		reset_code_made: m.notice_reset_code_made,
		board_update: m.notice_board_update,
		offer_update: m.notice_offer_update,
		pledge_update: m.notice_pledge_update,
		forum_to_check: m.notice_forum_to_check,
		forum_reported: m.notice_forum_reported,
		pledge_comment: m.notice_pledge_comment,
		concern_raised: m.notice_concern_raised,
		complaint_received: m.notice_complaint_received,
		complaint_update: m.notice_complaint_update,
		advocacy_request: m.notice_advocacy_request
	};
	return texts[kind]();
}

/**
 * Every push body is exactly this many bytes before it is encrypted, so the push service (which
 * sees only sizes) cannot tell a safety alert from a reply, or a child's phone from a worker's.
 * Room for the longest sentence in any language Hearth ships, twice over.
 */
export const PUSH_PAYLOAD_BYTES = 1024;

/** What the service worker shows. */
export interface PushMessage {
	title: string;
	body: string;
	url: string;
	tag: string;
	renotify: boolean;
	requireInteraction: boolean;
}

/**
 * The notification's tag: a device shows one notification per tag. Each safety alert has its
 * own (a hash of its link, so nothing about anyone), which its escalation shares and replaces
 * with a fresh sound; other notices of one kind fold into one, quietly.
 */
export function pushTag(kind: NoticeKind, link: string): string {
	if (!isUrgent(kind)) return kind;
	return `alert-${createHash('sha256').update(link).digest('hex').slice(0, 16)}`;
}

/** The message for a notice: a general sentence, a link inside Hearth, and how loudly to show it. */
export function pushMessage(kind: NoticeKind, link: string): PushMessage {
	const loud = isUrgent(kind);
	return {
		title: 'Hearth',
		body: noticeText(kind),
		url: link,
		tag: pushTag(kind, link),
		// A second alert, or an escalation, sounds even while an earlier one is on the screen,
		// and stays there until someone deals with it.
		renotify: loud,
		requireInteraction: loud
	};
}

/** The message as JSON with a `pad` of spaces making it exactly PUSH_PAYLOAD_BYTES long. */
export function padPayload(message: PushMessage): string {
	const bare = (m: PushMessage) => JSON.stringify({ ...m, pad: '' });
	let fitted = message;
	// A link too long to fit (none is today) points at the notices list instead.
	if (Buffer.byteLength(bare(fitted)) > PUSH_PAYLOAD_BYTES)
		fitted = { ...message, url: '/notices' };
	const room = PUSH_PAYLOAD_BYTES - Buffer.byteLength(bare(fitted));
	if (room < 0) throw new Error('A push message does not fit its fixed length');
	return JSON.stringify({ ...fitted, pad: ' '.repeat(room) });
}

/** Everything a push carries, padded to the one fixed length. */
export function pushPayload(kind: NoticeKind, link: string): string {
	return padPayload(pushMessage(kind, link));
}

export interface PushSendResult {
	statusCode: number;
	/** The push service's Retry-After header, as sent (seconds, or an HTTP date). */
	retryAfter?: string;
}

/** How a push is sent: web-push in the app, the same by default in tests against a local service. */
export type PushSender = (
	subscription: { endpoint: string; keys: { p256dh: string; auth: string } },
	payload: string,
	options: { urgent: boolean; subject: string }
) => Promise<PushSendResult>;

/**
 * Send with the web-push library, signed with our VAPID keys and encrypted (aes128gcm) for the
 * device. `agent` is only for tests, whose local push service has its own certificate.
 */
export const createWebPushSender =
	(agent?: Agent): PushSender =>
	async (subscription, payload, { urgent, subject }) => {
		const keys = vapidKeys();
		try {
			const result = await webpush.sendNotification(subscription, payload, {
				vapidDetails: { ...keys, subject },
				TTL: urgent ? 60 * 60 : 24 * 60 * 60,
				urgency: urgent ? 'high' : 'normal',
				timeout: 10_000,
				...(agent ? { agent } : {})
			});
			return { statusCode: result.statusCode };
		} catch (error) {
			const { statusCode, headers } = error as {
				statusCode?: number;
				headers?: Record<string, string | string[] | undefined>;
			};
			if (typeof statusCode !== 'number') throw error;
			const retryAfter = headers?.['retry-after'];
			return { statusCode, ...(typeof retryAfter === 'string' ? { retryAfter } : {}) };
		}
	};

/** When a Retry-After header (RFC 9110: seconds, or an HTTP date) lets us try again; null if unreadable. */
export function retryAfterTime(header: string | undefined, now: Date): Date | null {
	const value = header?.trim();
	if (!value) return null;
	if (/^\d+$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
	// An HTTP date names its day and month ("Sun, 22 Nov 2026 14:00:00 GMT"); a past one means now.
	const date = /^[a-z]{3}, /i.test(value) ? Date.parse(value) : NaN;
	return Number.isNaN(date) ? null : new Date(Math.max(date, now.getTime()));
}

/** A push the service throttles (429) is not a failure for as long as it is worth sending: a day. */
const THROTTLE_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * The `push.send` job: send one notice to one device. 2xx: done. 404 or 410: the device is
 * gone, so forget it. 429 or 503: wait at least as long as Retry-After says, and a 429 uses up
 * no try. Anything else: throw, so the job runner tries again with back-off. A safety push is
 * never given up while its alert is open: after the back-off it is tried every hour.
 */
export function pushJobHandler(sender: PushSender = createWebPushSender()) {
	return async (db: Db, payload: Record<string, unknown>, job: Job, now: Date) => {
		const { subscriptionId, kind, link, urgent } = payload as {
			subscriptionId: string;
			kind: NoticeKind;
			link: string;
			urgent: boolean;
		};
		const subscription = db
			.select()
			.from(pushSubscriptions)
			.where(eq(pushSubscriptions.id, subscriptionId))
			.get();
		if (!subscription) return; // turned off since the notice was queued
		// Kept before the push hosts' rule was as strict as now: never posted to, and forgotten.
		if (!isAllowedPushEndpoint(subscription.endpoint)) {
			db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).run();
			return;
		}
		const keepTrying = isUrgent(kind) && safetyAlertStillOpen(db, link);
		const retry = (message: string, plan: RetryPlan = {}) =>
			new RetryJobLater(message, { ...plan, keepTrying });

		const contact = vapidSubject(getCouncilSettings(db)?.email);
		if (!contact.ok) {
			warnOnceAboutSubject(contact);
			throw retry(vapidSubjectProblemText(contact));
		}
		let result: PushSendResult;
		try {
			result = await sender(
				{
					endpoint: subscription.endpoint,
					keys: { p256dh: subscription.p256dh, auth: subscription.auth }
				},
				pushPayload(kind, link),
				{ urgent, subject: contact.subject }
			);
		} catch (error) {
			throw retry(error instanceof Error ? error.message : String(error));
		}
		const { statusCode } = result;
		if (statusCode >= 200 && statusCode < 300) {
			db.update(pushSubscriptions)
				.set({ lastSuccessAt: now })
				.where(eq(pushSubscriptions.id, subscriptionId))
				.run();
			return;
		}
		if (statusCode === 404 || statusCode === 410) {
			db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).run();
			return;
		}
		if (statusCode === 429 || statusCode === 503) {
			const at = retryAfterTime(result.retryAfter, now) ?? undefined;
			const young = now.getTime() - job.createdAt.getTime() < THROTTLE_GRACE_MS;
			throw retry(`Push service answered ${statusCode}`, {
				at,
				countsAsTry: !(statusCode === 429 && young)
			});
		}
		throw retry(`Push service answered ${statusCode}`);
	};
}
