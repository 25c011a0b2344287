import { page } from '$lib/server/http/handlers';
import { myStatements } from '$lib/server/voice/statements';
import { myAlerts } from '$lib/server/voice/safety';
import type { PageServerLoad } from './$types';

export const load = page('useMyPages', (ctx) => ({
	statements: myStatements(ctx.db, ctx.user.id),
	alerts: myAlerts(ctx.db, ctx.user.id)
})) satisfies PageServerLoad;
