import type { ActionStatus, IssueStatus } from '$lib/domain/forum';
import { say } from './say';

export const issueStatusLabel = (status: IssueStatus) => say(`forum_status_${status}`);
export const actionStatusLabel = (status: ActionStatus) => say(`action_status_${status}`);
export const measureLabel = (id: string) => say(`scorecard_measure_${id}`);
