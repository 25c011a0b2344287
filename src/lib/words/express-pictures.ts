import {
	EXPRESS_FEELINGS,
	TEMPLATES,
	expressAnswers,
	raisesSafetyAlert,
	type ExpressFeeling,
	type ExpressWant
} from '$lib/domain/voice';
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

/** One big picture: a link to the next step, or (for a feeling that raises an alert) a form. */
export type PictureChoice = ReturnType<typeof pictureChoice<string>> &
	(
		| { href: string; post?: undefined }
		| { href?: undefined; post: { action: string; clientKey: string; owner: string } }
	);

/**
 * Picture mode's first step, on /me and /me/express. A feeling that says "I am not safe" (Scared)
 * is a form: tapping it raises the safety alert at that tap, not two taps later at Send. The
 * others stay links. `key` is this round's key, carried to Send so the statement joins the alert;
 * `owner` lets the service worker keep the tap as "I feel unsafe" when there is no signal.
 */
export function feelingChoices(key: string, owner: string): PictureChoice[] {
	return EXPRESS_FEELINGS.map((value) =>
		raisesSafetyAlert(TEMPLATES.express, expressAnswers(value, null))
			? {
					...pictureChoice(value, FEELING_PICTURES),
					post: { action: '/me/express?/feeling', clientKey: key, owner }
				}
			: {
					...pictureChoice(value, FEELING_PICTURES),
					href: `/me/express?feeling=${value}&key=${key}`
				}
	);
}
