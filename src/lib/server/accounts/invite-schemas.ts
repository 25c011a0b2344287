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
import { councilChildIdField, legalStatusField } from '$lib/server/people/care-schemas';

const choose = () => m.error_choose_one();

/** A young person's invitation; `today` (YYYY-MM-DD, UK) bounds the date of birth. */
export function youngPersonInviteSchema(today: string) {
	const orNone = <T extends z.ZodType>(then: T) =>
		z.union([z.literal('').transform(() => null), then]);
	return z
		.object({
			preferredName: personName,
			dateOfBirth: isoDate.refine((dob) => dob <= today && ageOn(dob, today) < MAX_AGE, {
				error: () => m.error_dob_range()
			}),
			careStatus: z.enum(CARE_STATUSES, { error: choose }),
			leavingCareCategory: z.enum(LEAVING_CARE_CATEGORIES, { error: choose }),
			councilChildId: councilChildIdField,
			// The period of care a child in care is in: their first review is due 20 working days from its start.
			careStartedOn: orNone(
				isoDate.refine((day) => day <= today, { error: () => m.care_error_future() })
			),
			legalStatus: orNone(legalStatusField),
			// One optional worker per kind of link: the form has a select for each.
			links: z.array(
				z.object({ linkType: z.enum(LINK_TYPES), staffUserId: z.string().min(1).max(64) })
			)
		})
		.superRefine((invite, check) => {
			if (invite.careStatus !== 'in_care') return;
			if (!invite.careStartedOn)
				check.addIssue({
					code: 'custom',
					path: ['careStartedOn'],
					message: m.invite_error_care_started()
				});
			if (!invite.legalStatus)
				check.addIssue({
					code: 'custom',
					path: ['legalStatus'],
					message: m.invite_error_legal_status()
				});
		});
}

export const staffInviteSchema = z.object({
	displayName: personName,
	roles: z.array(z.enum(STAFF_ROLES)).min(1, { error: () => m.error_roles_required() })
});
