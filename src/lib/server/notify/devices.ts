import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { pushSubscriptions } from '../db/schema';
import { newId } from '../ids';

export interface SubscriptionInput {
	endpoint: string;
	keys: { p256dh: string; auth: string };
	deviceLabel: string;
}

/**
 * Keep a device's push subscription for this person. A device passed from one person to
 * another (a shared phone) moves to whoever subscribed last.
 */
export function saveSubscription(
	db: Db,
	userId: string,
	input: SubscriptionInput,
	now: Date
): string {
	return db.transaction((tx) => {
		tx.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, input.endpoint)).run();
		const id = newId();
		tx.insert(pushSubscriptions)
			.values({
				id,
				userId,
				endpoint: input.endpoint,
				p256dh: input.keys.p256dh,
				auth: input.keys.auth,
				deviceLabel: input.deviceLabel,
				createdAt: now
			})
			.run();
		return id;
	});
}

/** Remove one of this person's devices, by id or endpoint. False when it is not theirs. */
export function removeSubscription(
	db: Db,
	userId: string,
	by: { id?: string; endpoint?: string }
): boolean {
	const match = by.id
		? eq(pushSubscriptions.id, by.id)
		: eq(pushSubscriptions.endpoint, by.endpoint ?? '');
	return (
		db
			.delete(pushSubscriptions)
			.where(and(match, eq(pushSubscriptions.userId, userId)))
			.run().changes > 0
	);
}

/** This person's devices, for the settings page: a label and a date, never the endpoint or keys. */
export function devicesOf(db: Db, userId: string) {
	return db
		.select({
			id: pushSubscriptions.id,
			deviceLabel: pushSubscriptions.deviceLabel,
			createdAt: pushSubscriptions.createdAt
		})
		.from(pushSubscriptions)
		.where(eq(pushSubscriptions.userId, userId))
		.orderBy(desc(pushSubscriptions.createdAt))
		.all();
}

/** A short name for a device from its browser's user agent, e.g. "Chrome on Android". */
export function deviceLabelFrom(userAgent: string): string {
	const browser = /Edg\//.test(userAgent)
		? 'Edge'
		: /Firefox\//.test(userAgent)
			? 'Firefox'
			: /SamsungBrowser\//.test(userAgent)
				? 'Samsung Internet'
				: /Chrome\//.test(userAgent)
					? 'Chrome'
					: /Safari\//.test(userAgent)
						? 'Safari'
						: 'A browser';
	const system = /Android/.test(userAgent)
		? 'Android'
		: /iPhone|iPad/.test(userAgent)
			? 'iPhone or iPad'
			: /Windows/.test(userAgent)
				? 'Windows'
				: /Mac OS X/.test(userAgent)
					? 'Mac'
					: /CrOS/.test(userAgent)
						? 'Chromebook'
						: /Linux/.test(userAgent)
							? 'Linux'
							: 'a device';
	return `${browser} on ${system}`;
}
