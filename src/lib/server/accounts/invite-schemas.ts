import { z } from 'zod';
import {
	CARE_STATUSES,
	LEAVING_CARE_CATEGORIES,
	LINK_TYPES,
	MAX_AGE,
	ageOn
} from '$lib/domain/people';
import { STAFF_ROLES } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';
import { isoDate, personName } from '$lib/server/http/fields';

const choose = () => m.error_choose_one();

/** A young person's invitation; `today` (YYYY-MM-DD, UK) bounds the date of birth. */
export function youngPersonInviteSchema(today: string) {
	return z.object({
		preferredName: personName,
		dateOfBirth: isoDate.refine((dob) => dob <= today && ageOn(dob, today) < MAX_AGE, {
			error: () => m.error_dob_range()
		}),
		careStatus: z.enum(CARE_STATUSES, { error: choose }),
		leavingCareCategory: z.enum(LEAVING_CARE_CATEGORIES, { error: choose }),
		// One optional worker per kind of link: the form has a select for each.
		links: z.array(
			z.object({ linkType: z.enum(LINK_TYPES), staffUserId: z.string().min(1).max(64) })
		)
	});
}

export const staffInviteSchema = z.object({
	displayName: personName,
	roles: z.array(z.enum(STAFF_ROLES)).min(1, { error: () => m.error_roles_required() })
});
