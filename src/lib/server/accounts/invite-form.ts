import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { LINK_TYPES, type LinkType } from '$lib/domain/people';
import type { Role } from '$lib/domain/roles';
import { staffInviteSchema, youngPersonInviteSchema } from '$lib/schemas/invite';
import { m } from '$lib/paraglide/messages';
import { getDb, type Db } from '../db';
import { invalid, parseForm, text } from '../forms';
import { staffWithRoles } from '../people/young-people';
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
export function linkChoices(db: Db = getDb()) {
	return Object.fromEntries(
		LINK_TYPES.map((type) => [type, staffWithRoles(db, LINKABLE_ROLES[type])])
	) as Record<LinkType, { id: string; name: string }[]>;
}

function cardFor(event: RequestEvent, made: { code: string; expiresAt: Date }, name: string) {
	return invitationCard(event.url.origin, made, name);
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

/** The "invite a young person" form as the handler builders read it: a select per kind of link. */
export const youngPersonInviteForm = {
	schema: youngPersonInviteSchema,
	read: (formData: FormData) => ({
		preferredName: text(formData, 'preferredName'),
		dateOfBirth: text(formData, 'dateOfBirth'),
		careStatus: text(formData, 'careStatus'),
		leavingCareCategory: text(formData, 'leavingCareCategory'),
		links: LINK_TYPES.map((linkType) => ({
			linkType,
			staffUserId: text(formData, `link_${linkType}`)
		})).filter((link) => link.staffUserId)
	})
};

/**
 * Invite a young person, linked to the staff chosen: the card to hand them, or the form field of
 * a link naming someone who cannot be picked for it (then nothing is made).
 */
export function inviteYoungPersonWith(
	db: Db,
	inviterId: string,
	input: z.output<typeof youngPersonInviteSchema>,
	origin: string,
	now: Date
): ReturnType<typeof invitationCard> | { unknownLink: string } {
	const choices = linkChoices(db);
	const unknown = input.links.find(
		(link) => !choices[link.linkType].some((staff) => staff.id === link.staffUserId)
	);
	if (unknown) return { unknownLink: `link_${unknown.linkType}` };
	const made = createInvitation(db, inviterId, { kind: 'young_person', ...input }, now);
	return invitationCard(origin, made, input.preferredName);
}

/** The "invite a young person" action, shared by workers' and admins' pages. */
export async function inviteYoungPerson(event: RequestEvent, inviterId: string) {
	const formData = await event.request.formData();
	const choices = linkChoices();
	const links = LINK_TYPES.map((linkType) => ({
		linkType,
		staffUserId: text(formData, `link_${linkType}`)
	})).filter((link) => link.staffUserId);
	const unknown = links.find(
		(link) => !choices[link.linkType].some((staff) => staff.id === link.staffUserId)
	);
	if (unknown) return invalid(formData, { [`link_${unknown.linkType}`]: m.error_link_unknown() });
	const parsed = parseForm(
		youngPersonInviteSchema,
		{
			preferredName: text(formData, 'preferredName'),
			dateOfBirth: text(formData, 'dateOfBirth'),
			careStatus: text(formData, 'careStatus'),
			leavingCareCategory: text(formData, 'leavingCareCategory'),
			links
		},
		formData
	);
	if (!parsed.ok) return parsed.failure;
	const made = createInvitation(getDb(), inviterId, { kind: 'young_person', ...parsed.data });
	return cardFor(event, made, parsed.data.preferredName);
}

/** The "invite a member of staff" action (admins only). */
export async function inviteStaff(event: RequestEvent, inviterId: string) {
	const formData = await event.request.formData();
	const parsed = parseForm(
		staffInviteSchema,
		{ displayName: text(formData, 'displayName'), roles: formData.getAll('roles') },
		formData
	);
	if (!parsed.ok) return parsed.failure;
	const made = createInvitation(getDb(), inviterId, { kind: 'staff', ...parsed.data });
	return cardFor(event, made, parsed.data.displayName);
}
