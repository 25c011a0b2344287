import { describe, expect, it } from 'vitest';
import {
	MAX_TEXT,
	MOODS,
	TEMPLATES,
	TEMPLATE_IDS,
	THEMES,
	answersSchema,
	defaultRecipient,
	escalationDueAt,
	lastMonths,
	minutesWaiting,
	raisesSafetyAlert,
	receiptOf,
	startingThemes,
	templatesFor
} from '$lib/domain/voice';
import { shareOf, suppressTable } from '$lib/domain/suppression';
import {
	moodLabel,
	optionLabel,
	questionLabel,
	templateIntro,
	templateTitle,
	themeLabel,
	voiceError,
	waitingTime
} from '$lib/words/voice-labels';
import { ANSWER_ERRORS } from '$lib/domain/voice';

const issues = (template: keyof typeof TEMPLATES, input: unknown) => {
	const result = answersSchema(TEMPLATES[template]).safeParse(input);
	return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('statement templates', () => {
	it('accept a full, sensible answer for every template', () => {
		const answers: Record<string, Record<string, unknown>> = {
			feeling: { mood: 'good', feelings: ['happy', 'tired'], more: 'A good day.' },
			visit: { mood: 'okay', talk_about: ['school'], where: ['go_out'], alone: ['yes'], more: '' },
			worry: { mood: 'sad', about: ['school'], help: ['talk'] },
			good_news: { mood: 'great', about: ['hobby'], more: 'I passed my swimming badge' },
			home: { mood: 'good', home_is: ['like_it', 'my_room'] },
			plans: { mood: 'okay', area: ['money'], need: ['help_soon'] },
			complain: { want: ['advocate'] },
			express: { mood: 'good', feeling: ['happy'], want: ['hug'] }
		};
		for (const id of TEMPLATE_IDS) expect(issues(id, answers[id]), id).toEqual([]);
	});

	it('refuse an empty statement', () => {
		expect(issues('complain', {})).toContain(`want:${ANSWER_ERRORS.choice}`);
		expect(issues('feeling', { more: '   ' })).toContain(`mood:${ANSWER_ERRORS.mood}`);
		const empty = answersSchema({ ...TEMPLATES.feeling, moodRequired: false }).safeParse({
			feelings: [],
			more: ''
		});
		expect(empty.success).toBe(false);
		expect(empty.error!.issues[0]).toMatchObject({ path: ['form'], message: ANSWER_ERRORS.empty });
	});

	it('refuse choices that are not on the list, and two answers where one is asked', () => {
		expect(issues('feeling', { mood: 'good', feelings: ['sneaky'] })).toContain(
			`feelings.0:${ANSWER_ERRORS.unknownChoice}`
		);
		expect(issues('feeling', { mood: 'ecstatic' })).toContain(`mood:${ANSWER_ERRORS.mood}`);
		expect(issues('visit', { mood: 'good', where: ['at_home', 'go_out'] })).toContain(
			`where:${ANSWER_ERRORS.unknownChoice}`
		);
		expect(issues('feeling', { mood: 'good', feelings: 'happy' })).not.toEqual([]);
	});

	it('take words up to 5,000 characters and no more', () => {
		expect(issues('feeling', { mood: 'good', more: 'a'.repeat(MAX_TEXT) })).toEqual([]);
		expect(issues('feeling', { mood: 'good', more: 'a'.repeat(MAX_TEXT + 1) })).toEqual([
			`more:${ANSWER_ERRORS.tooLong}`
		]);
	});

	it('drop keys that are not questions, so nothing unexpected is stored', () => {
		const parsed = answersSchema(TEMPLATES.feeling).parse({ mood: 'good', secret: 'x' });
		expect(parsed).not.toHaveProperty('secret');
	});

	it('raise a safety alert for the unsafe choices, and only for them', () => {
		expect(raisesSafetyAlert(TEMPLATES.feeling, { mood: 'sad', feelings: ['scared'] })).toBe(true);
		expect(raisesSafetyAlert(TEMPLATES.feeling, { mood: 'sad', feelings: ['unsafe'] })).toBe(true);
		expect(raisesSafetyAlert(TEMPLATES.home, { mood: 'sad', home_is: ['unhappy_here'] })).toBe(
			false
		);
		expect(raisesSafetyAlert(TEMPLATES.home, { mood: 'sad', home_is: ['unsafe'] })).toBe(true);
		expect(raisesSafetyAlert(TEMPLATES.worry, { mood: 'sad', about: ['not_safe'] })).toBe(true);
		expect(raisesSafetyAlert(TEMPLATES.feeling, { mood: 'awful', feelings: ['sad'] })).toBe(false);
		expect(raisesSafetyAlert(TEMPLATES.home, { mood: 'good', home_is: ['feel_safe'] })).toBe(false);
	});

	it('carry starting themes, with safety when unsafe and advocacy when asked', () => {
		expect(startingThemes(TEMPLATES.home, { mood: 'sad', home_is: ['unsafe'] })).toEqual([
			'home',
			'safety'
		]);
		expect(startingThemes(TEMPLATES.complain, { want: ['both'] })).toEqual([
			'complaint',
			'advocacy'
		]);
		expect(startingThemes(TEMPLATES.visit, { mood: 'good' })).toEqual([]);
	});

	it('offer my plans to care leavers only', () => {
		expect(templatesFor('in_care').map((t) => t.id)).not.toContain('plans');
		expect(templatesFor('care_leaver').map((t) => t.id)).toContain('plans');
	});

	it('have words for every template, question, choice, mood, theme and error', () => {
		for (const id of TEMPLATE_IDS) {
			expect(templateTitle(id)).not.toBe('');
			expect(templateIntro(id)).not.toBe('');
			for (const question of TEMPLATES[id].questions) {
				expect(questionLabel(id, question.id)).not.toBe('');
				if (question.kind === 'choice')
					for (const option of question.options) expect(optionLabel(option)).not.toBe('');
			}
		}
		for (const mood of MOODS) expect(moodLabel(mood)).not.toBe('');
		for (const theme of THEMES) expect(themeLabel(theme)).not.toBe('');
		for (const code of Object.values(ANSWER_ERRORS)) expect(voiceError(code)).not.toBe('');
	});
});

describe('who a statement goes to by default', () => {
	const sw = { id: 'sw', linkType: 'social_worker' as const };
	const pa = { id: 'pa', linkType: 'personal_adviser' as const };
	const iro = { id: 'iro', linkType: 'iro' as const };
	it('is the social worker for a child in care and the PA for a care leaver', () => {
		expect(defaultRecipient([pa, sw, iro], 'in_care')).toBe(sw);
		expect(defaultRecipient([sw, pa, iro], 'care_leaver')).toBe(pa);
		expect(defaultRecipient([sw, iro], 'care_leaver')).toBe(sw);
		expect(defaultRecipient([iro], 'in_care')).toBe(iro);
		expect(defaultRecipient([], 'in_care')).toBeUndefined();
	});
});

describe('receipts', () => {
	const t = new Date('2026-11-22T10:00:00Z');
	it('say sent, then read, then answered', () => {
		expect(receiptOf({ readAt: null, answeredAt: null })).toBe('sent');
		expect(receiptOf({ readAt: t, answeredAt: null })).toBe('read');
		expect(receiptOf({ readAt: t, answeredAt: t })).toBe('answered');
	});
});

describe('escalation timing', () => {
	const raised = new Date('2026-11-22T02:00:00Z');
	const minutesAfter = (step: number, setting = 30) =>
		(escalationDueAt(raised, step, setting).getTime() - raised.getTime()) / 60_000;
	it.each([
		[1, 30, 30],
		[2, 30, 45],
		[3, 30, 60],
		[4, 30, 75],
		[5, 30, 90],
		[6, 30, 150],
		[7, 30, 210],
		[1, 10, 10],
		[2, 10, 25]
	])(
		'step %i with a %i-minute setting comes %i minutes after the alert',
		(step, setting, after) => {
			expect(minutesAfter(step, setting)).toBe(after);
		}
	);
	it('has no step before the first', () => {
		expect(() => escalationDueAt(raised, 0, 30)).toThrow();
	});
	it('counts whole minutes waited, never negative', () => {
		expect(minutesWaiting(raised, new Date(raised.getTime() + 89_999))).toBe(1);
		expect(minutesWaiting(raised, new Date(raised.getTime() - 5000))).toBe(0);
	});
});

describe('months for the Board', () => {
	it('lists the last months, oldest first, across a year end', () => {
		expect(lastMonths(new Date('2027-02-10T12:00:00Z'), 4)).toEqual([
			'2026-11',
			'2026-12',
			'2027-01',
			'2027-02'
		]);
	});
	it('uses the UK month: 00:30 on 1 July in summer time is July', () => {
		expect(lastMonths(new Date('2026-06-30T23:30:00Z'), 1)).toEqual(['2026-07']);
	});
});

describe('suppressed tables', () => {
	// Rows feeling, home, plans by months 2026-10 and 2026-11, with row totals and the grand total.
	const table = suppressTable(
		[
			[12, 3],
			[7, 9],
			[0, 2]
		],
		{ rowTotals: 'shown', grandTotal: 'shown' }
	);

	it('hides 1 to 5 as "fewer than 6" and withholds a second cell that would give it away', () => {
		expect(table.cells[0]).toEqual([{ kind: 'withheld' }, { kind: 'suppressed', below: 6 }]);
		expect(table.cells[1]).toEqual([
			{ kind: 'count', value: 7 },
			{ kind: 'count', value: 9 }
		]);
		expect(table.cells[2]).toEqual([
			{ kind: 'count', value: 0 },
			{ kind: 'suppressed', below: 6 }
		]);
	});

	it('builds no percentage on a hidden count, and hides a row total the grand total would reveal', () => {
		const [feeling, home, plans] = table.rowTotals!;
		expect(plans).toEqual({ kind: 'suppressed', below: 6 });
		expect(shareOf(plans, table.grandTotal!)).toEqual({ kind: 'withheld' });
		// With one row total hidden, the smallest other one (15) is withheld too, and its share.
		expect(feeling).toEqual({ kind: 'withheld' });
		expect(shareOf(feeling, table.grandTotal!)).toEqual({ kind: 'withheld' });
		expect(home).toEqual({ kind: 'count', value: 16 });
		expect(shareOf(home, table.grandTotal!)).toEqual({ kind: 'share', percent: 48 });
		expect(table.grandTotal).toEqual({ kind: 'count', value: 33 });
	});

	it('gives no shares at all when the grand total itself is hidden', () => {
		const few = suppressTable([[3], [0]], { rowTotals: 'shown', grandTotal: 'shown' });
		expect(few.grandTotal).toEqual({ kind: 'suppressed', below: 6 });
		expect(few.rowTotals!.map((total) => shareOf(total, few.grandTotal!))).toEqual([
			{ kind: 'withheld' },
			{ kind: 'withheld' }
		]);
	});

	it('follows the council threshold', () => {
		const strict = suppressTable([[9]], { rowTotals: 'shown', threshold: 10 });
		expect(strict.rowTotals![0]).toEqual({ kind: 'suppressed', below: 10 });
	});
});

describe('waiting times', () => {
	it('read as minutes, hours or days', () => {
		expect(waitingTime(0)).toBe('0 min');
		expect(waitingTime(59)).toBe('59 min');
		expect(waitingTime(185)).toBe('3 h 5 min');
		expect(waitingTime(7200)).toBe('5 d 0 h');
		expect(waitingTime(1500)).toBe('1 d 1 h');
	});
});
