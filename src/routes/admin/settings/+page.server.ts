import { writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { settingsSchema } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { dataDir } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { getCouncilSettings, saveCouncilSettings } from '$lib/server/council/settings';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import { staffWithRoles } from '$lib/server/people/young-people';
import { vapidSubject } from '$lib/server/notify/vapid';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

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

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const settings = getCouncilSettings(getDb())!;
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
		boardMembers: staffWithRoles(getDb(), ['board_member']),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const formData = await event.request.formData();
		const fields = [
			'name',
			'primaryColour',
			'accentColour',
			'phone',
			'outOfHoursPhone',
			'email',
			'quickExitUrl',
			'alertMinutes',
			'smallNumberThreshold',
			'staffIdleMinutes',
			'staffSessionHours',
			'retentionMonths'
		];
		const parsed = parseForm(
			settingsSchema,
			{
				...Object.fromEntries(fields.map((f) => [f, text(formData, f)])),
				removeLogo: formData.has('removeLogo'),
				requireSecondFactor: formData.get('requireSecondFactor') === 'yes'
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		const current = getCouncilSettings(db);
		let logoFile = current?.logoFile ?? null;
		const upload = formData.get('logo');
		if (upload instanceof File && upload.size > 0) {
			const bytes = new Uint8Array(await upload.arrayBuffer());
			const kind = imageKind(bytes);
			if (!kind || bytes.length > LOGO_MAX_BYTES)
				return invalid(formData, { logo: m.error_logo() });
			const name = `council-logo.${kind}`;
			await writeFile(path.join(dataDir(), name), bytes);
			if (logoFile && logoFile !== name)
				await unlink(path.join(dataDir(), logoFile)).catch(() => {});
			logoFile = name;
		} else if (parsed.data.removeLogo && logoFile) {
			await unlink(path.join(dataDir(), logoFile)).catch(() => {});
			logoFile = null;
		}
		// The chair must be a Board member, or nobody.
		const chair = text(formData, 'boardChairId');
		if (chair && !staffWithRoles(db, ['board_member']).some((member) => member.id === chair))
			return invalid(formData, { boardChairId: m.error_choose_one() });
		const { removeLogo: _remove, ...settings } = parsed.data;
		saveCouncilSettings(
			db,
			admin.id,
			{ ...settings, logoFile, boardChairId: chair || null },
			now()
		);
		return { saved: true };
	}
};
