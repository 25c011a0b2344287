import { m } from '$lib/paraglide/messages';
import type { Mood, Signal, TemplateId, Theme } from '$lib/domain/voice';

import { say } from './say';

// Voice words come from the interface messages, named by the ids in $lib/domain/voice, so every
// template can be translated. tests/unit/voice-domain.test.ts checks that each id has its words.

export const MOOD_FACES: Record<Mood, string> = {
	great: '😄',
	good: '🙂',
	okay: '😐',
	sad: '😢',
	awful: '😣'
};

export const TEMPLATE_ICONS: Record<TemplateId, string> = {
	feeling: '💭',
	visit: '🏠',
	worry: '😟',
	good_news: '⭐',
	home: '🛏️',
	plans: '🧭',
	complain: '📣',
	express: '🖼️'
};

export const moodLabel = (mood: Mood) => say(`voice_mood_${mood}`);
export const templateTitle = (id: TemplateId) => say(`voice_template_${id}_title`);
export const templateIntro = (id: TemplateId) => say(`voice_template_${id}_intro`);
export const questionLabel = (template: TemplateId, question: string) =>
	say(`voice_q_${template}_${question}`);
export const optionLabel = (option: string) => say(`voice_opt_${option}`);
export const themeLabel = (theme: Theme) => say(`voice_theme_${theme}`);
export const voiceError = (code: string) => say(`voice_error_${code}`);

/**
 * What each signal (SIGNALS in domain/voice) tells the worker, and what the young person reads
 * once it is sent, each with the answer's own words. One row per signal, so a new signal cannot
 * go out without its words.
 */
const SIGNAL_WORDS: Record<
	Signal,
	{
		worker: (words: { answer: string }) => string;
		child: (words: { answer: string; name: string }) => string;
	}
> = {
	unsafe: { worker: () => m.alert_from_statement(), child: () => m.unsafe_what_next() },
	unhappy_home: { worker: m.signal_unhappy_home_worker, child: m.signal_unhappy_home_child }
};
export const signalWorkerWords = (signal: Signal, choice: string) =>
	SIGNAL_WORDS[signal].worker({ answer: optionLabel(choice) });
export const signalChildWords = (signal: Signal, choice: string, name: string) =>
	SIGNAL_WORDS[signal].child({ answer: optionLabel(choice), name });

/** How long something has waited, short enough for a table: 42 min, 3 h 5 min, 2 d 4 h. */
export function waitingTime(minutes: number): string {
	if (minutes < 60) return m.team_minutes({ minutes });
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return m.team_hours({ hours, minutes: minutes % 60 });
	return m.team_days({ days: Math.floor(hours / 24), hours: hours % 24 });
}
