import { error } from '@sveltejs/kit';
import { actionUpdateSchema } from '$lib/server/forum/schemas';
import type { SignedInContext } from '$lib/server/http/context';
import { action, formActions, notFound, page, type ActionEvent } from '$lib/server/http/handlers';
import { actionDetail, mayUpdateAction, updateAction } from '$lib/server/forum/board';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

function boardAction(ctx: SignedInContext, event: Pick<ActionEvent, 'params'>) {
	const found = actionDetail(ctx.db, event.params.id, ctx.today);
	if (!found) notFound();
	return found;
}

export const load = page('seeBoard', (ctx, event) => {
	const found = boardAction(ctx, event);
	const { ownerId: _owner, ...shown } = found;
	return { action: shown, mayUpdate: mayUpdateAction(ctx.db, ctx.user, found) };
}) satisfies PageServerLoad;

/** Owners update their own; the chair and officers any. Anyone else is refused before the form is read. */
function updateForm(ctx: SignedInContext, event: ActionEvent) {
	if (!mayUpdateAction(ctx.db, ctx.user, boardAction(ctx, event))) error(403, m.error_forbidden());
	return actionUpdateSchema;
}

export const actions = formActions({
	update: action('seeBoard', updateForm, (ctx, update, event) => {
		updateAction(ctx.db, ctx.user.id, event.params.id, update, ctx.today, ctx.now);
		return { done: m.issue_done() };
	})
}) satisfies Actions;
