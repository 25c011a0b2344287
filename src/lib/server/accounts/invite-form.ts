import type { RequestEvent } from '@sveltejs/kit';
import { LINK_TYPES, type LinkType } from '$lib/domain/people';
import type { Role } from '$lib/domain/roles';
import { staffInviteSchema, youngPersonInviteSchema } from '$lib/schemas/invite';
import { m } from '$lib/paraglide/messages';
import { getDb } from '../db';
import { invalid, parseForm, text } from '../forms';
import { staffWithRoles } from '../people/young-people';
import { now, todayInUk } from '../clock';
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
export function linkChoices() {
	const db = getDb();
	return Object.fromEntries(
		LINK_TYPES.map((type) => [type, staffWithRoles(db, LINKABLE_ROLES[type])])
	) as Record<LinkType, { id: string; name: string }[]>;
}

function cardFor(event: RequestEvent, made: { code: string; expiresAt: Date }, name: string) {
	return {
		invitation: {
			name,
			code: made.code,
			expiresAt: made.expiresAt.toISOString(),
			joinUrl: `${event.url.origin}/join`
		}
	};
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
		youngPersonInviteSchema(todayInUk()),
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
	const made = createInvitation(
		getDb(),
		inviterId,
		{ kind: 'young_person', ...parsed.data },
		now()
	);
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
	const made = createInvitation(getDb(), inviterId, { kind: 'staff', ...parsed.data }, now());
	return cardFor(event, made, parsed.data.displayName);
}
