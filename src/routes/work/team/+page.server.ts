import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { parseForm, text } from '$lib/server/forms';
import { teamWaiting } from '$lib/server/voice/inbox';
import { isOnDuty, setDuty } from '$lib/server/voice/people';
import { now } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager');
	const db = getDb();
	return { ...teamWaiting(db, now()), onDuty: isOnDuty(db, user.id) };
};

const dutySchema = z.object({ onDuty: z.enum(['on', 'off']) });

export const actions: Actions = {
	duty: async (event) => {
		const user = requireRole(event, 'manager');
		const formData = await event.request.formData();
		const parsed = parseForm(dutySchema, { onDuty: text(formData, 'onDuty') }, formData);
		if (!parsed.ok) return parsed.failure;
		setDuty(getDb(), user.id, parsed.data.onDuty === 'on', now());
		return { saved: true };
	}
};

// No framework JavaScript: the page is a server-made view, with enhance.js for the bell.
export const csr = false;
