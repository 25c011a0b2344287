import { settingsFormSchema, settingsSchema } from '$lib/server/accounts/admin-schemas';
import { dataDir } from '$lib/server/config';
import { getCouncilSettings } from '$lib/server/council/settings';
import { saveSettingsWithLogo } from '$lib/server/council/logo';
import { formInput, text } from '$lib/server/http/form';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import { boardMembers } from '$lib/server/people/young-people';
import { vapidSubject } from '$lib/server/notify/vapid';
import type { Actions, PageServerLoad } from './$types';

export const load = page('administer', (ctx) => {
	const settings = getCouncilSettings(ctx.db)!;
	const { id: _id, updatedAt: _updated, ...values } = settings;
	// Pushes are refused without a contact push services can reach: say why, and what to do.
	const contact = vapidSubject(settings.email);
	const pushOff = contact.ok
		? null
		: contact.problem === 'none'
			? ({ reason: 'none' } as const)
			: { reason: contact.from, subject: contact.subject };
	return {
		settings: values,
		pushOff,
		boardMembers: boardMembers(ctx.db)
	};
}) satisfies PageServerLoad;

/** The settings form: ticked boxes as they are sent, the Board's chair, and the logo file. */
const settingsForm = {
	schema: settingsFormSchema,
	read: (formData: FormData) => ({
		...formInput(settingsSchema, formData),
		removeLogo: formData.has('removeLogo'),
		requireSecondFactor: formData.get('requireSecondFactor') === 'yes',
		boardChairId: text(formData, 'boardChairId'),
		logo: formData.get('logo')
	})
};

export const actions = formActions({
	default: action('administer', settingsForm, async (ctx, input) => {
		const { removeLogo, logo, boardChairId, ...settings } = input;
		const saved = await saveSettingsWithLogo(
			ctx.db,
			ctx.user.id,
			{ ...settings, boardChairId: boardChairId || null },
			{ upload: logo ? new Uint8Array(await logo.arrayBuffer()) : null, remove: removeLogo },
			dataDir(),
			ctx.now
		);
		if (!saved.ok)
			return refuse(
				saved.problem === 'logo' ? { logo: m.error_logo() } : { boardChairId: m.error_choose_one() }
			);
		return { done: m.settings_saved() };
	})
}) satisfies Actions;
