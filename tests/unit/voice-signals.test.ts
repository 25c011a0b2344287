import { describe, expect, it } from 'vitest';
import {
	SIGNALS,
	TEMPLATES,
	TEMPLATE_IDS,
	raisesSafetyAlert,
	signalsOf,
	startingThemes,
	type Answers,
	type TemplateId
} from '$lib/domain/voice';
import { optionLabel, signalChildWords, signalWorkerWords } from '$lib/words/voice-labels';
import { noticeText } from '$lib/server/notify/push';

// Every answer that is a signal, what it does, and what each side reads. A new signal answer
// must be added here, so nobody can make one without deciding all of it.
const TABLE: [TemplateId, string, string, keyof typeof SIGNALS, boolean, string][] = [
	['feeling', 'feelings', 'scared', 'unsafe', true, 'safety_alert'],
	['feeling', 'feelings', 'unsafe', 'unsafe', true, 'safety_alert'],
	['worry', 'about', 'not_safe', 'unsafe', true, 'safety_alert'],
	['home', 'home_is', 'unsafe', 'unsafe', true, 'safety_alert'],
	['home', 'home_is', 'unhappy_here', 'unhappy_home', false, 'unhappy_home'],
	['express', 'feeling', 'scared', 'unsafe', true, 'safety_alert']
];

describe('signals: one decision per answer', () => {
	it.each(TABLE)(
		'%s %s=%s is %s (alert: %s, worker told by %s)',
		(template, question, choice, signal, alert, notice) => {
			const answers: Answers = { mood: 'sad', [question]: [choice] };
			expect(signalsOf(TEMPLATES[template], answers)).toEqual([{ signal, choice }]);
			expect(raisesSafetyAlert(TEMPLATES[template], answers)).toBe(alert);
			expect(SIGNALS[signal].notice).toBe(notice);
			expect(startingThemes(TEMPLATES[template], answers)).toContain(SIGNALS[signal].theme);
		}
	);

	it('lists every signal answer in the templates, and no others', () => {
		const inTemplates = TEMPLATE_IDS.flatMap((id) =>
			Object.entries(TEMPLATES[id].signals).flatMap(([question, choices]) =>
				Object.entries(choices).map(([choice, signal]) => [id, question, choice, signal].join())
			)
		);
		expect(inTemplates.sort()).toEqual(TABLE.map((row) => row.slice(0, 4).join()).sort());
	});

	it('puts an alert first when one statement carries both', () => {
		const answers: Answers = { mood: 'awful', home_is: ['unhappy_here', 'unsafe'] };
		expect(signalsOf(TEMPLATES.home, answers).map((s) => s.signal)).toEqual([
			'unsafe',
			'unhappy_home'
		]);
		expect(raisesSafetyAlert(TEMPLATES.home, answers)).toBe(true);
	});

	it('tells the child about unhappiness at home in their own words, never "unsafe"', () => {
		const child = signalChildWords('unhappy_home', 'unhappy_here', 'Sam');
		expect(child).toContain(optionLabel('unhappy_here'));
		expect(child).toContain('Sam');
		expect(child.toLowerCase()).not.toContain('unsafe');
		const worker = signalWorkerWords('unhappy_home', 'unhappy_here');
		expect(worker).toContain(optionLabel('unhappy_here'));
		expect(worker).toMatch(/not a safety alert/);
		expect(noticeText('unhappy_home').toLowerCase()).toContain('unhappy where they live');
		expect(noticeText('unhappy_home').toLowerCase()).not.toContain('unsafe');
	});
});
