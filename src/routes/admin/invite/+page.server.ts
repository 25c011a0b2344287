import { staffInviteSchema } from '$lib/server/accounts/invite-schemas';
import {
	inviteStaffWith,
	inviteYoungPersonWith,
	linkChoices,
	youngPersonInviteForm
} from '$lib/server/accounts/invite-form';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load = page('administer', (ctx) => ({
	choices: linkChoices(ctx.db)
})) satisfies PageServerLoad;

export const actions = formActions({
	staff: action('administer', staffInviteSchema, (ctx, invite, event) =>
		inviteStaffWith(ctx.db, ctx.user.id, invite, event.url.origin, ctx.now)
	),
	youngPerson: action('administer', youngPersonInviteForm, (ctx, invite, event) => {
		const made = inviteYoungPersonWith(ctx.db, ctx.user.id, invite, event.url.origin, ctx.now);
		if ('unknownLink' in made) return refuse({ [made.unknownLink]: m.error_link_unknown() });
		if ('councilIdTaken' in made)
			return refuse({ councilChildId: m.care_error_council_id_taken() }, 409);
		return made;
	})
}) satisfies Actions;
