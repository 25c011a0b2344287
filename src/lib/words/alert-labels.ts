import type { AlertOutcome } from '$lib/domain/voice';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

/** What a member of staff chose when closing a safety alert, in words. */
export const alertOutcomeLabel = (outcome: AlertOutcome): string =>
	({
		spoke_safe: m.alert_outcome_spoke_safe,
		visited: m.alert_outcome_visited,
		emergency_services: m.alert_outcome_emergency_services,
		safeguarding_referral: m.alert_outcome_safeguarding_referral,
		moved_somewhere_safe: m.alert_outcome_moved_somewhere_safe,
		other: m.alert_outcome_other
	})[outcome]();

type ToldReason = 'worker' | 'on_duty' | 'manager' | 'also';

const reasonLabel = (reason: ToldReason): string =>
	({
		worker: m.alert_told_worker,
		on_duty: m.alert_told_on_duty,
		manager: m.alert_told_manager,
		also: m.alert_told_also
	})[reason]();

/** "Holly Brennan (their worker), Gareth Lloyd (manager on duty)": each person told, by name. */
function toldNames(told: { name: string; reason: ToldReason }[], count: number | null): string {
	// Alerts raised before Hearth kept each name have only a count.
	if (!told.length) return count ? m.alert_told_count({ count }) : m.alert_told_nobody();
	return new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(
		told.map((person) =>
			m.alert_told_person({ name: person.name, why: reasonLabel(person.reason) })
		)
	);
}

/** One line of an alert's log. Staff notes are not in the log: only that one was added, and by whom. */
export function describeAlertEvent(event: {
	kind: 'raised' | 'told' | 'escalated' | 'acknowledged' | 'noted' | 'closed';
	actor: string | null;
	step: number | null;
	toldCount: number | null;
	told: { name: string; reason: ToldReason }[];
}): string {
	switch (event.kind) {
		case 'raised':
			return m.alert_event_raised({ name: event.actor ?? '' });
		case 'told':
			return m.alert_event_told({ names: toldNames(event.told, event.toldCount) });
		case 'escalated':
			return m.alert_event_escalated({
				step: event.step ?? 0,
				names: toldNames(event.told, event.toldCount)
			});
		case 'acknowledged':
			return m.alert_event_acknowledged({ name: event.actor ?? '' });
		case 'noted':
			return m.alert_event_noted({ name: event.actor ?? '' });
		case 'closed':
			return m.alert_event_closed({ name: event.actor ?? '' });
	}
}
