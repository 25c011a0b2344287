/**
 * How a person likes to read Hearth: remembered per person, applied on every page. Each choice
 * starts at the plainest setting (nothing is turned on for anyone without asking), except picture
 * mode, which is on by itself for children under 8 until they or their worker choose otherwise.
 */
export const TEXT_SIZES = ['standard', 'large', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const READING_FONTS = ['standard', 'easier'] as const;
export type ReadingFont = (typeof READING_FONTS)[number];

export const CONTRASTS = ['standard', 'high'] as const;
export type Contrast = (typeof CONTRASTS)[number];

/** Read-aloud speed as a percentage of the voice's normal rate. */
export const SPEECH_RATES = [60, 80, 100, 125, 150] as const;
export type SpeechRate = (typeof SPEECH_RATES)[number];

/** Picture mode (express): by age, or switched on or off by the young person or their worker. */
export const EXPRESS_SETTINGS = ['by_age', 'on', 'off'] as const;
export type ExpressSetting = (typeof EXPRESS_SETTINGS)[number];

/** Under this age, picture mode is on unless someone turns it off. */
export const EXPRESS_DEFAULT_UNDER = 8;

export interface ReadingPreferences {
	textSize: TextSize;
	font: ReadingFont;
	contrast: Contrast;
	speechRate: SpeechRate;
	express: ExpressSetting;
}

export const DEFAULT_PREFERENCES: ReadingPreferences = {
	textSize: 'standard',
	font: 'standard',
	contrast: 'standard',
	speechRate: 100,
	express: 'by_age'
};

/** Whether picture mode is on for a young person of this age (null when unknown). */
export function expressModeOn(setting: ExpressSetting, age: number | null): boolean {
	if (setting === 'on') return true;
	if (setting === 'off') return false;
	return age !== null && age < EXPRESS_DEFAULT_UNDER;
}
