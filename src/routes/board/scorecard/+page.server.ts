import { lastQuarters } from '$lib/domain/reviews';
import { entrySchema } from '$lib/server/forum/schemas';
import { getCouncilSettings } from '$lib/server/council/settings';
import { action, formActions, page } from '$lib/server/http/handlers';
import {
	computedScorecard,
	enteredScorecard,
	saveScorecardEntry
} from '$lib/server/forum/scorecard';
import type { EnteredMeasureId } from '$lib/domain/forum';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const QUARTERS = 4;

export const load = page('seeBoard', (ctx) => {
	const threshold = getCouncilSettings(ctx.db)?.smallNumberThreshold ?? 6;
	return {
		computed: computedScorecard(ctx.db, ctx.today, QUARTERS, threshold),
		entered: enteredScorecard(ctx.db, ctx.today, QUARTERS),
		quarters: lastQuarters(ctx.today, QUARTERS),
		canEnter: ctx.can('enterScorecard')
	};
}) satisfies PageServerLoad;

export const actions = formActions({
	enter: action('enterScorecard', entrySchema, (ctx, entry) => {
		saveScorecardEntry(
			ctx.db,
			ctx.user.id,
			{ ...entry, measure: entry.measure as EnteredMeasureId, value: entry.value! },
			ctx.now
		);
		return { done: m.scorecard_saved() };
	})
}) satisfies Actions;

// No framework JavaScript: the page is a server-made view, with enhance.js for the bell.
export const csr = false;
