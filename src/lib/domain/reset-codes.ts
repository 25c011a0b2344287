/**
 * Who may make a new-password code for a young person. Whoever holds the code can sign in as
 * them, so it is not an ordinary manager's tool: the worker linked to them today may make one;
 * a manager who is not linked must say why, from a fixed list (no free text about the child in
 * the audit log); nobody else may. Either way their linked workers are told.
 */
export const RESET_REASONS = [
	'worker_away',
	'no_worker_linked',
	'out_of_hours',
	'asked_by_worker'
] as const;
export type ResetReason = (typeof RESET_REASONS)[number];

export type ResetCodeDecision = 'allowed' | 'reason_needed' | 'not_allowed';

export function resetCodeDecision(maker: {
	linkedToday: boolean;
	isManager: boolean;
	reason: ResetReason | null;
}): ResetCodeDecision {
	if (maker.linkedToday) return 'allowed';
	if (!maker.isManager) return 'not_allowed';
	return maker.reason ? 'allowed' : 'reason_needed';
}
