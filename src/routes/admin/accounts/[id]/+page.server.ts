import { error, fail, redirect } from '@sveltejs/kit';
import { ukToday } from '$lib/domain/people';
import { addLinkSchema, endLinkSchema } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { recordAudit } from '$lib/server/audit/log';
import { accountSummary, setAccountDisabled, setStaffRoles } from '$lib/server/accounts/accounts';
import { isStaff } from '$lib/domain/roles';
import { staffRolesSchema } from '$lib/schemas/admin';
import { workPhoneSchema } from '$lib/schemas/account';
import { setWorkPhone, workPhoneOf } from '$lib/server/voice/people';
import { disableTotp, hasTotp } from '$lib/server/auth/second-factor';
import { startSession } from '$lib/server/auth/cookies';
import { now, todayInUk } from '$lib/server/clock';
import { erasePerson } from '$lib/server/privacy/records';
import { createResetCode } from '$lib/server/accounts/invitations';
import { linkChoices } from '$lib/server/accounts/invite-form';
import { addLink, endLink, youngPersonRecord } from '$lib/server/people/young-people';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { FieldErrors } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const admin = requireRole(event, 'admin');
	const db = getDb();
	const account = accountSummary(db, event.params.id);
	if (!account) error(404, m.error_not_found());
	recordAudit(
		db,
		{
			actorId: admin.id,
			action: 'account.viewed',
			subjectUserId: account.id,
			address: event.getClientAddress()
		},
		now()
	);
	const record = account.roles.includes('young_person')
		? youngPersonRecord(db, account.id, todayInUk())
		: null;
	return {
		account,
		staff: isStaff(account.roles),
		secondFactor: hasTotp(db, account.id),
		workPhone: isStaff(account.roles) ? workPhoneOf(db, account.id) : null,
		phoneSaved: event.url.searchParams.has('phone-saved'),
		isSelf: admin.id === account.id,
		rolesSaved: event.url.searchParams.has('roles-saved'),
		links: record?.links ?? null,
		choices: record ? linkChoices() : null,
		today: ukToday(now())
	};
};

export const actions: Actions = {
	/** A member of staff's work phone, for a duty manager to ring about a safety alert. */
	workPhone: async (event) => {
		const admin = requireRole(event, 'admin');
		const db = getDb();
		const account = accountSummary(db, event.params.id);
		if (!account || !isStaff(account.roles)) error(404, m.error_not_found());
		const formData = await event.request.formData();
		const parsed = parseForm(workPhoneSchema, { workPhone: text(formData, 'workPhone') }, formData);
		if (!parsed.ok) return parsed.failure;
		setWorkPhone(db, admin.id, account.id, parsed.data.workPhone, now());
		redirect(303, `/admin/accounts/${account.id}?phone-saved`);
	},
	/** A member of staff's roles. Young people's roles come with their account and forum. */
	roles: async (event) => {
		const admin = requireRole(event, 'admin');
		const db = getDb();
		const account = accountSummary(db, event.params.id);
		if (!account || !isStaff(account.roles)) error(404, m.error_not_found());
		const formData = await event.request.formData();
		const parsed = staffRolesSchema.safeParse(formData.getAll('roles'));
		if (!parsed.success) return invalid(formData, { roles: m.error_choose_one() });
		if (!setStaffRoles(db, admin.id, account.id, parsed.data, now()).ok)
			return invalid(formData, { roles: m.admin_keep_own_admin() });
		// Their own roles changed: a new session for them too.
		if (admin.id === account.id) startSession(event, admin.id, true);
		redirect(303, `/admin/accounts/${event.params.id}?roles-saved`);
	},
	/** A forgotten password: a one-time code the admin gives the person themselves (staff have no worker). */
	resetCode: (event) => {
		const admin = requireRole(event, 'admin');
		const db = getDb();
		const account = accountSummary(db, event.params.id);
		if (!account || account.erasedAt) error(404, m.error_not_found());
		// For a young person this is refused: their worker, or a manager who says why, makes it.
		const made = createResetCode(db, { makerId: admin.id, userId: account.id }, now());
		if (!made.ok) return fail(403, { errors: { reason: m.reset_not_allowed() } as FieldErrors });
		return { resetCode: { code: made.code, expiresAt: made.expiresAt, name: account.displayName } };
	},
	/** Erase a person for good (the right to erasure, or the end of a mistaken account). */
	erase: async (event) => {
		const admin = requireRole(event, 'admin');
		const db = getDb();
		const account = accountSummary(db, event.params.id);
		if (!account) error(404, m.error_not_found());
		const formData = await event.request.formData();
		if (text(formData, 'confirm').trim().toLowerCase() !== account.username)
			return invalid(formData, { confirm: m.admin_erase_mismatch() });
		if (!erasePerson(db, admin.id, account.id, 'data.erased', now()).ok)
			return invalid(formData, { confirm: m.error_forbidden() });
		redirect(303, `/admin/accounts/${event.params.id}`);
	},
	/** Someone lost their phone and recovery codes: take the app off so they can set it up again. */
	removeSecondFactor: (event) => {
		const admin = requireRole(event, 'admin');
		const db = getDb();
		if (!accountSummary(db, event.params.id)) error(404, m.error_not_found());
		disableTotp(db, admin.id, event.params.id, undefined, now());
		redirect(303, `/admin/accounts/${event.params.id}`);
	},
	disable: (event) => {
		const admin = requireRole(event, 'admin');
		if (!setAccountDisabled(getDb(), admin.id, event.params.id, true, now()).ok)
			return fail(400, { errors: { form: m.error_forbidden() } as Record<string, string> });
		redirect(303, `/admin/accounts/${event.params.id}`);
	},
	enable: (event) => {
		const admin = requireRole(event, 'admin');
		setAccountDisabled(getDb(), admin.id, event.params.id, false, now());
		redirect(303, `/admin/accounts/${event.params.id}`);
	},
	addLink: async (event) => {
		const admin = requireRole(event, 'admin');
		const formData = await event.request.formData();
		const parsed = parseForm(
			addLinkSchema,
			{
				staffUserId: text(formData, 'staffUserId'),
				linkType: text(formData, 'linkType'),
				startsOn: text(formData, 'startsOn')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		const choices = linkChoices()[parsed.data.linkType];
		if (!choices.some((staff) => staff.id === parsed.data.staffUserId)) {
			return invalid(formData, { staffUserId: m.error_link_unknown() });
		}
		if (!youngPersonRecord(db, event.params.id, todayInUk())) error(404, m.error_not_found());
		addLink(db, admin.id, { youngPersonId: event.params.id, ...parsed.data }, now());
		redirect(303, `/admin/accounts/${event.params.id}`);
	},
	endLink: async (event) => {
		const admin = requireRole(event, 'admin');
		const formData = await event.request.formData();
		const parsed = parseForm(endLinkSchema, { linkId: text(formData, 'linkId') }, formData);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		// Only a link of the young person on this page, so the audit entry and the page agree.
		const ownLink = youngPersonRecord(db, event.params.id, todayInUk())?.links.some(
			(link) => link.id === parsed.data.linkId
		);
		if (!ownLink) error(404, m.error_not_found());
		endLink(db, admin.id, parsed.data.linkId, ukToday(now()), now());
		redirect(303, `/admin/accounts/${event.params.id}`);
	}
};
