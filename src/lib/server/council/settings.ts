import { eq } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Db, Executor } from '../db';
import { councilSettings, type CouncilSettings } from '../db/schema';
import { recordAudit } from '../audit/log';
import { DEFAULT_ALERT_MINUTES } from '$lib/domain/voice';

export const DEFAULT_SETTINGS = {
	primaryColour: '#1f5f5b',
	accentColour: '#b4451f',
	// A neutral page that loads quickly and says nothing about care.
	quickExitUrl: 'https://www.bbc.co.uk/weather',
	alertMinutes: DEFAULT_ALERT_MINUTES,
	smallNumberThreshold: 6,
	staffIdleMinutes: 30,
	staffSessionHours: 12,
	requireSecondFactor: false,
	retentionMonths: 24
} as const;

export type CouncilSettingsInput = Omit<
	CouncilSettings,
	'id' | 'updatedAt' | 'logoFile' | 'boardChairId' | AdvocacySetting
> & { boardChairId?: string | null } & Partial<Pick<CouncilSettings, AdvocacySetting>>;

/** The advocacy service young people are put in touch with: set on the settings page, not at setup. */
type AdvocacySetting = 'advocacyName' | 'advocacyPhone' | 'advocacyEmail';

/** The council's settings, or null before first-run setup. */
export function getCouncilSettings(db: Db): CouncilSettings | null {
	return (
		prepared(db, 'council-settings', (db) =>
			db.select().from(councilSettings).where(eq(councilSettings.id, 1)).prepare()
		).get() ?? null
	);
}

export function saveCouncilSettings(
	db: Executor,
	actorId: string | null,
	input: CouncilSettingsInput & { logoFile?: string | null },
	now: Date
): void {
	const values = { ...input, updatedAt: now };
	db.insert(councilSettings)
		.values({ id: 1, ...values })
		.onConflictDoUpdate({ target: councilSettings.id, set: values })
		.run();
	if (actorId) recordAudit(db, { actorId, action: 'settings.changed' }, now);
}
