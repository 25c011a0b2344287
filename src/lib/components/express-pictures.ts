import type { ExpressFeeling, ExpressWant } from '$lib/domain/voice';
import { optionLabel } from './voice-labels';

// Picture mode's pictures: emoji the phone already has (nothing to download), each with its word
// under it, so a child who cannot read yet can still choose and one who can is never left guessing.

export const FEELING_PICTURES: Record<ExpressFeeling, string> = {
	happy: '😊',
	excited: '🤩',
	calm: '😌',
	tired: '😴',
	worried: '😟',
	sad: '😢',
	angry: '😠',
	scared: '😨'
};

export const WANT_PICTURES: Record<ExpressWant, string> = {
	talk: '🗣️',
	hug: '🤗',
	play: '⚽',
	see_family: '👪',
	help_at_school: '🏫',
	quiet_time: '🤫',
	nothing_needed: '👍'
};

export const pictureChoice = <T extends string>(value: T, pictures: Record<T, string>) => ({
	value,
	picture: pictures[value],
	label: optionLabel(value)
});
