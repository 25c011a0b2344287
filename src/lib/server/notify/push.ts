import webpush from 'web-push';
import type { Agent } from 'node:https';
import { eq } from 'drizzle-orm';
import type { NoticeKind } from '$lib/domain/notices';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { pushSubscriptions } from '../db/schema';
import { vapidKeys } from './vapid';
import { isAllowedPushEndpoint } from './endpoints';

/** The words for a kind of notice: the same general sentence in the app and on a lock screen. */
export function noticeText(kind: NoticeKind): string {
	const texts: Record<NoticeKind, () => string> = {
		new_message: m.notice_new_message,
		new_reply: m.notice_new_reply,
		safety_alert: m.notice_safety_alert,
		safety_escalation: m.notice_safety_escalation,
		review_reminder: m.notice_review_reminder,
		review_letter: m.notice_review_letter,
		request_update: m.notice_request_update,
		invitation_used: m.notice_invitation_used,
		reset_code_made: m.notice_reset_code_made,
		board_update: m.notice_board_update,
		offer_update: m.notice_offer_update,
		pledge_update: m.notice_pledge_update
	};
	return texts[kind]();
}

/** Everything a push message carries: a title, a general sentence and a link inside Hearth. */
export function pushPayload(kind: NoticeKind, link: string): string {
	return JSON.stringify({ title: 'Hearth', body: noticeText(kind), url: link, tag: kind });
}

export interface PushSendResult {
	statusCode: number;
}

/** How a push is sent: web-push in the app, the same by default in tests against a local service. */
export type PushSender = (
	subscription: { endpoint: string; keys: { p256dh: string; auth: string } },
	payload: string,
	options: { urgent: boolean }
) => Promise<PushSendResult>;

/**
 * Send with the web-push library, signed with our VAPID keys and encrypted (aes128gcm) for the
 * device. `agent` is only for tests, whose local push service has its own certificate.
 */
export const createWebPushSender =
	(agent?: Agent): PushSender =>
	async (subscription, payload, { urgent }) => {
		const keys = vapidKeys();
		try {
			const result = await webpush.sendNotification(subscription, payload, {
				vapidDetails: keys,
				TTL: urgent ? 60 * 60 : 24 * 60 * 60,
				urgency: urgent ? 'high' : 'normal',
				timeout: 10_000,
				...(agent ? { agent } : {})
			});
			return { statusCode: result.statusCode };
		} catch (error) {
			const statusCode = (error as { statusCode?: number }).statusCode;
			if (typeof statusCode === 'number') return { statusCode };
			throw error;
		}
	};

/**
 * The `push.send` job: send one notice to one device. 2xx: done. 404 or 410: the device is
 * gone, so forget it. Anything else: throw, so the job runner tries again with back-off.
 */
export function pushJobHandler(sender: PushSender = createWebPushSender()) {
	return async (db: Db, payload: Record<string, unknown>) => {
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
		const { statusCode } = await sender(
			{
				endpoint: subscription.endpoint,
				keys: { p256dh: subscription.p256dh, auth: subscription.auth }
			},
			pushPayload(kind, link),
			{ urgent }
		);
		if (statusCode >= 200 && statusCode < 300) {
			db.update(pushSubscriptions)
				.set({ lastSuccessAt: new Date() })
				.where(eq(pushSubscriptions.id, subscriptionId))
				.run();
			return;
		}
		if (statusCode === 404 || statusCode === 410) {
			db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)).run();
			return;
		}
		throw new Error(`Push service answered ${statusCode}`);
	};
}
