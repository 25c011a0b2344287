import type { DueRule, EarlyReviewReason } from '$lib/domain/reviews';
import { formatDate } from '$lib/utils';
import { m } from '$lib/paraglide/messages';

// Staff-only words for review lists, kept apart from review-labels.ts, which young people's pages
// import for the consultation's words.

/** The rule behind a due date, in one plain line ("First review of this time in care: 20 working days from 3 March"). */
export function dueRuleLine(rule: DueRule): string {
	const date = formatDate(rule.from);
	switch (rule.kind) {
		case 'first':
			return m.reviews_rule_first({ date });
		case 'second':
			return m.reviews_rule_second({ date });
		case 'later':
			return m.reviews_rule_later({ date });
		case 'before_hearth_first':
			return m.reviews_rule_before_hearth_first({ date });
		case 'before_hearth_later':
			return m.reviews_rule_before_hearth_later({ date });
		case 'short_break_first':
			return m.reviews_rule_short_break_first({ date });
		case 'short_break_later':
			return m.reviews_rule_short_break_later({ date });
		case 'pathway_plan':
			return m.reviews_rule_pathway_plan({ date });
	}
}

/** How overdue a review is, in days. */
export const overdueBy = (days: number) =>
	days === 1 ? m.reviews_overdue_by_one() : m.reviews_overdue_by({ days });

/** An early review asked for: who, when and why, in one line. */
export function earlyRequestLine(request: {
	reason: EarlyReviewReason;
	askedBy: string;
	askedOn: string;
	why: string;
}): string {
	const values = { name: request.askedBy, date: formatDate(request.askedOn), why: request.why };
	return request.reason === 'iro_request'
		? m.reviews_early_iro_request(values)
		: m.reviews_early_placement_change(values);
}
