import type { CareStatus, LeavingCareCategory, LinkType } from '$lib/domain/people';
import type { Role } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';

/** Words for the codes stored in the database, in the reader's language. */
export const linkTypeLabel = (type: LinkType): string =>
	({
		social_worker: m.link_social_worker,
		personal_adviser: m.link_personal_adviser,
		iro: m.link_iro,
		supervising_social_worker: m.link_supervising_social_worker,
		advocate: m.link_advocate
	})[type]();

export const roleLabel = (role: Role): string =>
	({
		young_person: m.role_young_person,
		forum_member: m.role_forum_member,
		worker: m.role_worker,
		iro: m.role_iro,
		manager: m.role_manager,
		participation_officer: m.role_participation_officer,
		board_member: m.role_board_member,
		admin: m.role_admin
	})[role]();

export const careStatusLabel = (status: CareStatus): string =>
	({ in_care: m.status_in_care, care_leaver: m.status_care_leaver })[status]();

export const categoryLabel = (category: LeavingCareCategory): string =>
	({
		none: m.category_none,
		eligible: m.category_eligible,
		relevant: m.category_relevant,
		former_relevant: m.category_former_relevant,
		qualifying: m.category_qualifying
	})[category]();
