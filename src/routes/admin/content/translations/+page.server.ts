import { languageOf } from '$lib/domain/languages';
import { TRANSLATION_LOCALES, translationLocaleSchema } from '$lib/schemas/translations';
import { requireRole } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { translationList } from '$lib/server/offer/translations';
import type { PageServerLoad } from './$types';

const EDITORS = ['admin', 'participation_officer'] as const;

export const load: PageServerLoad = (event) => {
	requireRole(event, ...EDITORS);
	const asked = translationLocaleSchema.safeParse(event.url.searchParams.get('locale'));
	const locale = asked.success ? asked.data : TRANSLATION_LOCALES[0];
	const items = translationList(getDb(), locale);
	return {
		locale,
		locales: TRANSLATION_LOCALES.map((code) => ({ code, name: languageOf(code).englishName })),
		items,
		counts: {
			done: items.filter((item) => item.state === 'done').length,
			outdated: items.filter((item) => item.state === 'outdated').length,
			missing: items.filter((item) => item.state === 'missing').length
		}
	};
};
