import { getCouncilSettings } from '$lib/server/council/settings';
import { notFound, page } from '$lib/server/http/handlers';
import type { PageServerLoad } from './$types';

const KINDS = ['offline', 'unsafe', 'told', 'statement', 'signout', 'signout-waiting'] as const;
const isKind = (kind: string): kind is (typeof KINDS)[number] =>
	(KINDS as readonly string[]).includes(kind);

/**
 * What the service worker shows when "I feel unsafe" or a statement is sent with no signal: it
 * keeps what was sent (the outbox) and shows this page, which it fetched earlier, signed out.
 * Also what it shows at sign-out with no signal (with or without something still waiting), and
 * (`offline`) in place of any page it cannot fetch: with "I feel unsafe" and the menu for a young
 * person signed in on the phone (src/lib/offline-copy.ts), and "Try again" for the page wanted.
 * `told`: "I feel unsafe" tapped on a device quick exit locked: the alert is raised, and the page
 * names nobody (the person holding the phone may not be the child).
 * Nothing here is anyone's own: only the council's out-of-hours number.
 */
export const load = page('anyone', (ctx, { params }) => {
	const kind = params.kind;
	if (!isKind(kind)) notFound();
	return {
		kind,
		outOfHours: getCouncilSettings(ctx.db)?.outOfHoursPhone ?? null
	};
}) satisfies PageServerLoad;

// No framework JavaScript: the page works as plain HTML, and enhance.js does the rest.
export const csr = false;
