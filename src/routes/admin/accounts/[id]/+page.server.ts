import { error, redirect } from '@sveltejs/kit';
import {
	addLinkSchema,
	endLinkSchema,
	eraseSchema,
	staffRolesFormSchema
} from '$lib/server/accounts/admin-schemas';
import { accountSummary, setAccountDisabled, setStaffRoles } from '$lib/server/accounts/accounts';
import { isStaff, isYoungPerson } from '$lib/domain/roles';
import { workPhoneSchema } from '$lib/server/accounts/account-schemas';
import { setWorkPhone, workPhoneOf } from '$lib/server/voice/people';
import { disableTotp, hasTotp } from '$lib/server/auth/second-factor';
import { startSession } from '$lib/server/auth/cookies';
import { erasePerson } from '$lib/server/privacy/records';
import { createResetCode } from '$lib/server/accounts/invitations';
import { linkChoices } from '$lib/server/accounts/invite-form';
import { addLink, endLink, youngPersonRecord } from '$lib/server/people/young-people';
import type { RequestContext } from '$lib/server/http/context';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { formatDateTime } from '$lib/utils';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** A member of staff's account, or 404: only staff have roles to set and a work phone. */
function staffAccount(ctx: RequestContext, id: string) {
	const account = accountSummary(ctx.db, id);
	if (!account || !isStaff(account.roles)) error(404, m.error_not_found());
	return account;
}

export const load = page('administer', (ctx, event) => {
	const account = accountSummary(ctx.db, event.params.id);
	if (!account) error(404, m.error_not_found());
	ctx.audit({ action: 'account.viewed', subjectUserId: account.id });
	const record = isYoungPerson(account.roles)
		? youngPersonRecord(ctx.db, account.id, ctx.today)
		: null;
	return {
		account,
		staff: isStaff(account.roles),
		secondFactor: hasTotp(ctx.db, account.id),
		workPhone: isStaff(account.roles) ? workPhoneOf(ctx.db, account.id) : null,
		isSelf: ctx.user.id === account.id,
		links: record?.links ?? null,
		choices: record ? linkChoices(ctx.db) : null,
		today: ctx.today
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	/** A member of staff's work phone, for a duty manager to ring about a safety alert. */
	workPhone: action(
		'administer',
		(ctx, event) => {
			// Someone who is not staff has none: 404 before the form is read.
			staffAccount(ctx, event.params.id);
			return workPhoneSchema;
		},
		(ctx, { workPhone }, event) => {
			const account = staffAccount(ctx, event.params.id);
			setWorkPhone(ctx.db, ctx.user.id, account.id, workPhone, ctx.now);
			return { done: m.work_phone_saved() };
		}
	),
	/** A member of staff's roles. Young people's roles come with their account and forum. */
	roles: action(
		'administer',
		(ctx, event) => {
			staffAccount(ctx, event.params.id);
			return staffRolesFormSchema;
		},
		(ctx, { roles }, event) => {
			const account = staffAccount(ctx, event.params.id);
			if (!setStaffRoles(ctx.db, ctx.user.id, account.id, roles, ctx.now).ok)
				return refuse({ roles: m.admin_keep_own_admin() });
			// Their own roles changed: a new session for them too.
			if (ctx.user.id === account.id) startSession(event, ctx.user.id, true);
			return { done: m.admin_roles_saved() };
		}
	),
	/** A forgotten password: a one-time code the admin gives the person themselves (staff have no worker). */
	resetCode: action('administer', (ctx, event) => {
		const account = accountSummary(ctx.db, event.params.id);
		if (!account || account.erasedAt) error(404, m.error_not_found());
		// For a young person this is refused: their worker, or a manager who says why, makes it.
		const made = createResetCode(ctx.db, { makerId: ctx.user.id, userId: account.id }, ctx.now);
		if (!made.ok) return refuse({ reason: m.reset_not_allowed() }, 403);
		return {
			done: m.reset_made({
				name: account.displayName,
				code: made.code,
				date: formatDateTime(made.expiresAt)
			})
		};
	}),
	/** Erase a person for good (the right to erasure, or the end of a mistaken account). */
	erase: action('administer', eraseSchema, (ctx, { confirm }, event) => {
		const account = accountSummary(ctx.db, event.params.id);
		if (!account) error(404, m.error_not_found());
		if (confirm.trim().toLowerCase() !== account.username)
			return refuse({ confirm: m.admin_erase_mismatch() });
		if (!erasePerson(ctx.db, ctx.user.id, account.id, 'data.erased', ctx.now).ok)
			return refuse({ confirm: m.error_forbidden() });
		redirect(303, `/admin/accounts/${event.params.id}`);
	}),
	/** Someone lost their phone and recovery codes: take the app off so they can set it up again. */
	removeSecondFactor: action('administer', (ctx, event) => {
		if (!accountSummary(ctx.db, event.params.id)) error(404, m.error_not_found());
		disableTotp(ctx.db, ctx.user.id, event.params.id, undefined, ctx.now);
		redirect(303, `/admin/accounts/${event.params.id}`);
	}),
	disable: action('administer', (ctx, event) => {
		if (!setAccountDisabled(ctx.db, ctx.user.id, event.params.id, true, ctx.now).ok)
			return refuse({ form: m.error_forbidden() });
		redirect(303, `/admin/accounts/${event.params.id}`);
	}),
	enable: action('administer', (ctx, event) => {
		setAccountDisabled(ctx.db, ctx.user.id, event.params.id, false, ctx.now);
		redirect(303, `/admin/accounts/${event.params.id}`);
	}),
	addLink: action('administer', addLinkSchema, (ctx, link, event) => {
		const choices = linkChoices(ctx.db)[link.linkType];
		if (!choices.some((staff) => staff.id === link.staffUserId)) {
			return refuse({ staffUserId: m.error_link_unknown() });
		}
		if (!youngPersonRecord(ctx.db, event.params.id, ctx.today)) error(404, m.error_not_found());
		addLink(ctx.db, ctx.user.id, { youngPersonId: event.params.id, ...link }, ctx.now);
		redirect(303, `/admin/accounts/${event.params.id}`);
	}),
	endLink: action('administer', endLinkSchema, (ctx, { linkId }, event) => {
		// Only a link of the young person on this page, so the audit entry and the page agree.
		const ownLink = youngPersonRecord(ctx.db, event.params.id, ctx.today)?.links.some(
			(link) => link.id === linkId
		);
		if (!ownLink) error(404, m.error_not_found());
		endLink(ctx.db, ctx.user.id, linkId, ctx.today, ctx.now);
		redirect(303, `/admin/accounts/${event.params.id}`);
	})
}) satisfies Actions;
