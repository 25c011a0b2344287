import { languageOf } from '$lib/domain/languages';
import {
	TRANSLATION_LOCALES,
	translationLocaleSchema
} from '$lib/server/offer/translation-schemas';
import { page } from '$lib/server/http/handlers';
import { translationList } from '$lib/server/offer/translations';
import type { PageServerLoad } from './$types';

export const load = page('editContent', (ctx, event) => {
	const asked = translationLocaleSchema.safeParse(event.url.searchParams.get('locale'));
	const locale = asked.success ? asked.data : TRANSLATION_LOCALES[0];
	const items = translationList(ctx.db, locale);
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
}) satisfies PageServerLoad;
