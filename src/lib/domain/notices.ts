/**
 * What Hearth can tell someone about. A notice names only its kind and a link: never a name,
 * never anything a young person wrote, so nothing personal can reach a lock screen.
 */
export const NOTICE_KINDS = [
	'new_message',
	'new_reply',
	'unhappy_home',
	'safety_alert',
	'safety_escalation',
	'review_reminder',
	'review_letter',
	'request_update',
	'invitation_used',
	'reset_code_made',
	'board_update',
	'offer_update',
	'pledge_update',
	'forum_to_check',
	'forum_reported',
	'pledge_comment',
	'concern_raised',
	'complaint_received',
	'complaint_update',
	'advocacy_request'
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Safety notices reach staff at once, whatever their quiet hours. */
export const URGENT_KINDS: readonly NoticeKind[] = ['safety_alert', 'safety_escalation'];

export function isUrgent(kind: NoticeKind): boolean {
	return URGENT_KINDS.includes(kind);
}

/** Minutes after midnight for a time written HH:MM. */
export function minutesOf(time: string): number {
	const [h, m] = time.split(':').map(Number);
	return h * 60 + m;
}

/**
 * Whether a moment (minutes after midnight, UK time) falls in quiet hours from `start` to `end`.
 * Quiet hours may run over midnight (21:00 to 07:30); equal start and end mean none.
 */
export function inQuietHours(minute: number, start: string, end: string): boolean {
	const from = minutesOf(start);
	const to = minutesOf(end);
	if (from === to) return false;
	return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** Minutes from `minute` until quiet hours end (0 when not in quiet hours). */
export function minutesUntilQuietEnds(minute: number, start: string, end: string): number {
	if (!inQuietHours(minute, start, end)) return 0;
	return (minutesOf(end) - minute + 24 * 60) % (24 * 60);
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** Minutes after midnight in the UK for a moment. */
export function ukMinuteOfDay(now: Date): number {
	const parts = UK_TIME.formatToParts(now);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return get('hour') * 60 + get('minute');
}
