import { ukToday } from '$lib/domain/people';
import { lastQuarters } from '$lib/domain/reviews';
import { entrySchema } from '$lib/schemas/forum';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getCouncilSettings } from '$lib/server/council/settings';
import { parseForm, text } from '$lib/server/forms';
import {
	computedScorecard,
	enteredScorecard,
	saveScorecardEntry
} from '$lib/server/forum/scorecard';
import { now } from '$lib/server/clock';
import type { EnteredMeasureId } from '$lib/domain/forum';
import type { Actions, PageServerLoad } from './$types';

const QUARTERS = 4;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'board_member', 'participation_officer');
	const db = getDb();
	const today = ukToday(now());
	const threshold = getCouncilSettings(db)?.smallNumberThreshold ?? 6;
	return {
		computed: computedScorecard(db, today, QUARTERS, threshold),
		entered: enteredScorecard(db, today, QUARTERS),
		quarters: lastQuarters(today, QUARTERS),
		canEnter: user.roles.includes('participation_officer')
	};
};

export const actions: Actions = {
	enter: async (event) => {
		const user = requireRole(event, 'participation_officer');
		const formData = await event.request.formData();
		const parsed = parseForm(
			entrySchema,
			Object.fromEntries(
				['measure', 'quarter', 'value', 'target', 'national', 'regional'].map((f) => [
					f,
					text(formData, f)
				])
			),
			formData
		);
		if (!parsed.ok) return parsed.failure;
		saveScorecardEntry(
			getDb(),
			user.id,
			{
				...parsed.data,
				measure: parsed.data.measure as EnteredMeasureId,
				value: parsed.data.value!
			},
			now()
		);
		return { saved: true };
	}
};

// No framework JavaScript: the page is a server-made view, with enhance.js for the bell.
export const csr = false;
