import type { CareStatus, LeavingCareCategory, LinkType } from '$lib/domain/people';
import type { Role } from '$lib/domain/roles';
import type { Reader } from '$lib/domain/record-access';
import type { Condition, Frequency, OfferArea } from '$lib/domain/offer';
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
		admin: m.role_admin,
		complaints_manager: m.role_complaints_manager
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

export const areaLabel = (area: OfferArea): string =>
	({
		health_wellbeing: m.area_health_wellbeing,
		relationships: m.area_relationships,
		education_training: m.area_education_training,
		employment: m.area_employment,
		accommodation: m.area_accommodation,
		participation: m.area_participation,
		money: m.area_money
	})[area]();

export const conditionLabel = (condition: Condition): string =>
	({
		higher_education: m.condition_higher_education,
		education_or_training: m.condition_education_or_training,
		young_parent: m.condition_young_parent,
		disabled: m.condition_disabled,
		unaccompanied_asylum_seeker: m.condition_unaccompanied_asylum_seeker,
		lives_in_area: m.condition_lives_in_area,
		in_custody: m.condition_in_custody
	})[condition]();

const frequencyLabel = (frequency: Frequency): string =>
	({
		once: m.frequency_once,
		weekly: m.frequency_weekly,
		monthly: m.frequency_monthly,
		yearly: m.frequency_yearly
	})[frequency]();

/** "£3,200", "£30 a week", "£72.50 a week". */
export function amountLabel(pence: number, frequency: Frequency | null): string {
	const pounds = new Intl.NumberFormat('en-GB', {
		style: 'currency',
		currency: 'GBP',
		minimumFractionDigits: pence % 100 === 0 ? 0 : 2
	}).format(pence / 100);
	return frequency && frequency !== 'once' ? `${pounds} ${frequencyLabel(frequency)}` : pounds;
}

const LIST = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** A list in words: "a, b and c". */
export function listInWords(items: string[]): string {
	return LIST.format(items);
}

/** Who an entitlement is for, in one sentence. */
export function whoCanGet(eligibility: {
	categories: LeavingCareCategory[];
	fromAge: number | null;
	untilAge: number | null;
	conditions: Condition[];
}): string {
	const parts = [
		eligibility.categories.length
			? m.offer_who_categories({
					categories: listInWords(
						eligibility.categories.map(categoryLabel).map((c) => c.toLowerCase())
					)
				})
			: m.offer_who_everyone()
	];
	if (eligibility.fromAge !== null) parts.push(m.offer_who_from({ age: eligibility.fromAge }));
	if (eligibility.untilAge !== null) parts.push(m.offer_who_until({ age: eligibility.untilAge }));
	if (eligibility.conditions.length) {
		parts.push(
			m.offer_who_conditions({
				conditions: listInWords(eligibility.conditions.map(conditionLabel))
			})
		);
	}
	return parts.join(', ') + '.';
}

/**
 * Who may read what a young person sends, in their words, one line per kind of person that
 * statementReaders (domain/record-access) finds. A role with no line here throws: a change to
 * who may read cannot reach young people's pages unsaid (tests/unit/who-can-read.test.ts).
 */
export function readerLabel(reader: Reader): string {
	if (reader.kind === 'linked')
		return {
			social_worker: m.readers_social_worker,
			personal_adviser: m.readers_personal_adviser,
			iro: m.readers_iro,
			supervising_social_worker: m.readers_supervising_social_worker,
			advocate: m.readers_advocate
		}[reader.linkType]();
	const roles: Partial<Record<Role, () => string>> = { manager: m.readers_managers };
	const label = roles[reader.role];
	if (!label) throw new Error(`No words for who may read: ${reader.role}`);
	return label();
}
