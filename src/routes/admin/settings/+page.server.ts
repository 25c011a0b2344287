import { writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { settingsFormSchema, settingsSchema } from '$lib/schemas/admin';
import { dataDir } from '$lib/server/config';
import { getCouncilSettings, saveCouncilSettings } from '$lib/server/council/settings';
import { formInput, text } from '$lib/server/http/form';
import { action, formActions, page, refuse } from '$lib/server/http/handlers';
import { m } from '$lib/paraglide/messages';
import { boardMembers } from '$lib/server/people/young-people';
import { vapidSubject } from '$lib/server/notify/vapid';
import type { Actions, PageServerLoad } from './$types';

const LOGO_MAX_BYTES = 200 * 1024;

/** Recognise an image by its first bytes, not by the name or type the browser claims. */
function imageKind(bytes: Uint8Array): 'png' | 'jpg' | 'webp' | null {
	if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
		return 'png';
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	return null;
}

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
		const current = getCouncilSettings(ctx.db);
		let logoFile = current?.logoFile ?? null;
		const upload = input.logo;
		if (upload) {
			const bytes = new Uint8Array(await upload.arrayBuffer());
			const kind = imageKind(bytes);
			if (!kind || bytes.length > LOGO_MAX_BYTES) return refuse({ logo: m.error_logo() });
			const name = `council-logo.${kind}`;
			await writeFile(path.join(dataDir(), name), bytes);
			if (logoFile && logoFile !== name)
				await unlink(path.join(dataDir(), logoFile)).catch(() => {});
			logoFile = name;
		} else if (input.removeLogo && logoFile) {
			await unlink(path.join(dataDir(), logoFile)).catch(() => {});
			logoFile = null;
		}
		// The chair must be a Board member, or nobody.
		const chair = input.boardChairId;
		if (chair && !boardMembers(ctx.db).some((member) => member.id === chair))
			return refuse({ boardChairId: m.error_choose_one() });
		const { removeLogo: _remove, logo: _logo, boardChairId: _chair, ...settings } = input;
		saveCouncilSettings(
			ctx.db,
			ctx.user.id,
			{ ...settings, logoFile, boardChairId: chair || null },
			ctx.now
		);
		return { done: m.settings_saved() };
	})
}) satisfies Actions;
