import { building } from '$app/environment';
import { can, homesFor } from '$lib/domain/roles';
import { getCouncilSettings, DEFAULT_SETTINGS } from '$lib/server/council/settings';
import { unreadCount } from '$lib/server/notify/notices';
import { languageOf } from '$lib/domain/languages';
import { DEFAULT_PREFERENCES } from '$lib/domain/reading';
import { enabledLanguages } from '$lib/server/preferences/languages';
import { preferencesOf } from '$lib/server/preferences/preferences';
import { newId } from '$lib/server/ids';
import { KEPT_COPY_QUERY } from '$lib/offline-copy';
import { layout } from '$lib/server/http/handlers';
import type { LayoutServerLoad } from './$types';

/** What every page needs: who is signed in (no secrets) and how the council looks. */
export const load = layout('anyone', (ctx, { locals, url }) => {
	const settings = building ? null : getCouncilSettings(ctx.db);
	const user = ctx.user;
	const youngPerson = !building && !!user && can(user.roles, 'askForHelp');
	// After quick exit the device's session is locked: its pages wait for the password, but
	// "I feel unsafe" stays on every page it can open (the alert page itself names nobody).
	const locked = locals.locked?.user;
	const lockedYoungPerson = !building && !!locked && can(locked.roles, 'askForHelp');
	// "I feel unsafe" is on every page a young person can open, each page with a fresh key: a
	// double tap raises one alert, a later tap a new one. Reading the path (only for young people,
	// so staff pages do not pay for it) makes this load run again on every page.
	if (youngPerson || lockedYoungPerson) void url.pathname;
	// A copy the service worker keeps for offline reading (fetched signed out): it carries a young
	// person's parts switched off, for the service worker to switch on (src/lib/offline-copy.ts).
	const offlineCopy =
		!building &&
		!user &&
		(url.pathname.startsWith('/kept/') || url.searchParams.has(KEPT_COPY_QUERY));
	const preferences = user && !building ? preferencesOf(ctx.db, user.id) : DEFAULT_PREFERENCES;
	return {
		// Size, letters and colours are set on <html> by hooks.server.ts; the layout needs only these.
		reading: { contrast: preferences.contrast, speechRate: preferences.speechRate },
		language: {
			current: ctx.locale,
			// Each named in its own words, for the switcher.
			choices: (building ? ['en'] : enabledLanguages(ctx.db)).map((code) => {
				const { nativeName, dir } = languageOf(code);
				return { code, nativeName, dir };
			})
		},
		offlineCopy,
		unsafe:
			user && youngPerson
				? { key: newId(), owner: user.id }
				: locked && lockedYoungPerson
					? { key: newId(), owner: locked.id }
					: null,
		user: user
			? {
					displayName: user.displayName,
					can: ctx.capabilities,
					homes: homesFor(user.roles),
					unreadNotices: unreadCount(ctx.db, user.id)
				}
			: null,
		council: {
			name: settings?.name ?? 'Hearth',
			primaryColour: settings?.primaryColour ?? DEFAULT_SETTINGS.primaryColour,
			accentColour: settings?.accentColour ?? DEFAULT_SETTINGS.accentColour,
			hasLogo: !!settings?.logoFile,
			logoVersion: settings?.updatedAt.getTime() ?? 0,
			quickExitUrl: settings?.quickExitUrl ?? DEFAULT_SETTINGS.quickExitUrl
		}
	};
}) satisfies LayoutServerLoad;
