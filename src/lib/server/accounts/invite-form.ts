import type { z } from 'zod';
import { LINK_TYPES, type LinkType } from '$lib/domain/people';
import type { Role } from '$lib/domain/roles';
import { staffInviteSchema, youngPersonInviteSchema } from '$lib/server/accounts/invite-schemas';
import { councilChildIdTaken } from '../people/care-record';
import type { Db } from '../db';
import { text } from '../http/form';
import { staffWithRoles } from '../people/young-people';
import type { RequestContext } from '../http/context';
import { createInvitation } from './invitations';

/** Who can be picked for each kind of link. */
const LINKABLE_ROLES: Record<LinkType, Role[]> = {
	social_worker: ['worker'],
	personal_adviser: ['worker'],
	iro: ['iro'],
	supervising_social_worker: ['worker'],
	advocate: ['worker']
};

/** The staff to choose from in the "who works with them" selects. */
export function linkChoices(db: Db) {
	return Object.fromEntries(
		LINK_TYPES.map((type) => [type, staffWithRoles(db, LINKABLE_ROLES[type])])
	) as Record<LinkType, { id: string; name: string }[]>;
}

/** What the inviter hands over: the name, the one-time code, when it ends, and where to use it. */
function invitationCard(origin: string, made: { code: string; expiresAt: Date }, name: string) {
	return {
		invitation: {
			name,
			code: made.code,
			expiresAt: made.expiresAt.toISOString(),
			joinUrl: `${origin}/join`
		}
	};
}

type YoungPersonInvite = z.output<ReturnType<typeof youngPersonInviteSchema>>;

/**
 * The "invite a young person" form as the handler builders read it: a select per kind of link,
 * and a date of birth bounded by the request's today.
 */
export const youngPersonInviteForm = (ctx: RequestContext) => ({
	schema: youngPersonInviteSchema(ctx.today),
	read: (formData: FormData) => ({
		preferredName: text(formData, 'preferredName'),
		dateOfBirth: text(formData, 'dateOfBirth'),
		careStatus: text(formData, 'careStatus'),
		leavingCareCategory: text(formData, 'leavingCareCategory'),
		councilChildId: text(formData, 'councilChildId'),
		careStartedOn: text(formData, 'careStartedOn'),
		legalStatus: text(formData, 'legalStatus'),
		links: LINK_TYPES.map((linkType) => ({
			linkType,
			staffUserId: text(formData, `link_${linkType}`)
		})).filter((link) => link.staffUserId)
	})
});

/**
 * Invite a young person, linked to the staff chosen: the card to hand them, or the form field of
 * a link naming someone who cannot be picked for it (then nothing is made).
 */
export function inviteYoungPersonWith(
	db: Db,
	inviterId: string,
	input: YoungPersonInvite,
	origin: string,
	now: Date
): ReturnType<typeof invitationCard> | { unknownLink: string } | { councilIdTaken: true } {
	const choices = linkChoices(db);
	const unknown = input.links.find(
		(link) => !choices[link.linkType].some((staff) => staff.id === link.staffUserId)
	);
	if (unknown) return { unknownLink: `link_${unknown.linkType}` };
	if (input.councilChildId && councilChildIdTaken(db, input.councilChildId))
		return { councilIdTaken: true };
	const { careStartedOn, legalStatus, ...rest } = input;
	// Only a child in care is in a period of care now; a care leaver's history is added on their record.
	const firstPeriod =
		input.careStatus === 'in_care' && careStartedOn && legalStatus
			? { startedOn: careStartedOn, legalStatus }
			: null;
	const made = createInvitation(db, inviterId, { kind: 'young_person', ...rest, firstPeriod }, now);
	return invitationCard(origin, made, input.preferredName);
}

/** Invite a member of staff with the roles chosen (admins only): the card to hand them. */
export function inviteStaffWith(
	db: Db,
	inviterId: string,
	input: z.output<typeof staffInviteSchema>,
	origin: string,
	now: Date
): ReturnType<typeof invitationCard> {
	const made = createInvitation(db, inviterId, { kind: 'staff', ...input }, now);
	return invitationCard(origin, made, input.displayName);
}
