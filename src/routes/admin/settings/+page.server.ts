import { settingsSchema } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { dataDir } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import { saveSettingsWithLogo } from '$lib/server/council/logo';
import { now } from '$lib/server/clock';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import { staffWithRoles } from '$lib/server/people/young-people';
import { vapidSubject } from '$lib/server/notify/vapid';
import type { Actions, PageServerLoad } from './$types';

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
		const upload = formData.get('logo');
		const { removeLogo, ...settings } = parsed.data;
		const saved = await saveSettingsWithLogo(
			getDb(),
			admin.id,
			{ ...settings, boardChairId: text(formData, 'boardChairId') || null },
			{
				upload:
					upload instanceof File && upload.size > 0
						? new Uint8Array(await upload.arrayBuffer())
						: null,
				remove: removeLogo
			},
			dataDir(),
			now()
		);
		if (!saved.ok)
			return invalid(
				formData,
				saved.problem === 'logo' ? { logo: m.error_logo() } : { boardChairId: m.error_choose_one() }
			);
		return { saved: true };
	}
};
