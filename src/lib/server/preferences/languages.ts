import { asc, eq } from 'drizzle-orm';
import { BASE_LANGUAGE, isShipped, type ShippedCode } from '$lib/domain/languages';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { councilLanguages, type CouncilLanguage } from '../db/schema';
import { recordAudit } from '../audit/log';

/** The languages young people can choose: English, and each one the council has turned on. */
export function enabledLanguages(db: Db): ShippedCode[] {
	const rows = prepared(db, 'enabled-languages', (db) =>
		db
			.select({ code: councilLanguages.code })
			.from(councilLanguages)
			.orderBy(asc(councilLanguages.enabledAt))
			.prepare()
	).all();
	const codes: ShippedCode[] = [BASE_LANGUAGE];
	for (const { code } of rows) if (isShipped(code) && !codes.includes(code)) codes.push(code);
	return codes;
}

export function languageSettings(db: Db): CouncilLanguage[] {
	return db.select().from(councilLanguages).all();
}

/**
 * Turn a shipped language on. It needs the name of the fluent speaker who checked its safety
 * words and the day they did; both are kept, and the audit log records who turned it on.
 */
export function enableLanguage(
	db: Db,
	input: { code: ShippedCode; checkedBy: string; checkedOn: string },
	adminId: string | null,
	now: Date
): void {
	if (input.code === BASE_LANGUAGE) return;
	db.transaction((tx) => {
		const values = {
			safetyCheckedBy: input.checkedBy,
			safetyCheckedOn: input.checkedOn,
			enabledBy: adminId,
			enabledAt: now
		};
		tx.insert(councilLanguages)
			.values({ code: input.code, ...values })
			.onConflictDoUpdate({ target: councilLanguages.code, set: values })
			.run();
		recordAudit(
			tx,
			{
				actorId: adminId,
				action: 'language.enabled',
				detail: `${input.code}: safety words checked by ${input.checkedBy} on ${input.checkedOn}`
			},
			now
		);
	});
}

/** Turn a language off: people who chose it see English (or their device's next choice). */
export function disableLanguage(db: Db, code: string, adminId: string, now: Date): void {
	db.transaction((tx) => {
		tx.delete(councilLanguages).where(eq(councilLanguages.code, code)).run();
		recordAudit(tx, { actorId: adminId, action: 'language.disabled', detail: code }, now);
	});
}
