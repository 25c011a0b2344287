import { building } from '$app/environment';
import { homesFor } from '$lib/domain/roles';
import { getDb } from '$lib/server/db';
import { getCouncilSettings, DEFAULT_SETTINGS } from '$lib/server/council/settings';
import { unreadCount } from '$lib/server/notify/notices';
import type { LayoutServerLoad } from './$types';

/** What every page needs: who is signed in (no secrets) and how the council looks. */
export const load: LayoutServerLoad = ({ locals }) => {
	const settings = building ? null : getCouncilSettings(getDb());
	const user = locals.user;
	return {
		user: user
			? {
					displayName: user.displayName,
					roles: user.roles,
					homes: homesFor(user.roles),
					unreadNotices: unreadCount(getDb(), user.id)
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
};
