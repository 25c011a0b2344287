import { redirect } from '@sveltejs/kit';
import { landingFor } from '$lib/domain/roles';
import { resetSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { redeemResetCode } from '$lib/server/accounts/invitations';
import { startSession } from '$lib/server/auth/cookies';
import { recordFailure, throttleKey, waitBeforeTrying } from '$lib/server/auth/throttle';
import { invalid, parseForm, text } from '$lib/server/forms';
import { now } from '$lib/server/clock';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

const CODE_MESSAGES = {
	unknown: () => m.join_code_unknown(),
	used: () => m.join_code_used(),
	expired: () => m.join_code_expired()
};

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const parsed = parseForm(
			resetSchema,
			{
				code: text(formData, 'code'),
				password: text(formData, 'password'),
				passwordAgain: text(formData, 'passwordAgain')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		// Guessing codes is slowed down like guessing passwords (and shares the join page's count).
		const addressKey = throttleKey('address', `join:${event.getClientAddress()}`);
		const waitMs = waitBeforeTrying(db, [addressKey]);
		if (waitMs > 0)
			return invalid(
				formData,
				{ code: m.signin_wait({ minutes: Math.ceil(waitMs / 60_000) }) },
				429
			);
		const result = await redeemResetCode(db, parsed.data, now());
		if (!result.ok) {
			if (result.reason === 'unknown') recordFailure(db, 'address', addressKey);
			return invalid(formData, { code: CODE_MESSAGES[result.reason]() });
		}
		startSession(event, result.userId);
		redirect(303, `${landingFor(result.roles)}?new-password`);
	}
};

export const csr = false;
