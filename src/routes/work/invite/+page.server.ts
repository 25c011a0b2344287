import {
	inviteYoungPersonWith,
	linkChoices,
	youngPersonInviteForm
} from '$lib/server/accounts/invite-form';
import { pendingInvitationsBy } from '$lib/server/accounts/invitations';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('inviteYoungPeople', (ctx) => ({
	choices: linkChoices(ctx.db),
	pending: pendingInvitationsBy(ctx.db, ctx.user.id, ctx.now)
})) satisfies PageServerLoad;

export const actions = formActions({
	default: action('inviteYoungPeople', youngPersonInviteForm, (ctx, invite, event) => {
		const made = inviteYoungPersonWith(ctx.db, ctx.user.id, invite, event.url.origin, ctx.now);
		if ('unknownLink' in made) return refuse({ [made.unknownLink]: m.error_link_unknown() });
		if ('councilIdTaken' in made)
			return refuse({ councilChildId: m.care_error_council_id_taken() }, 409);
		return made;
	})
}) satisfies Actions;
