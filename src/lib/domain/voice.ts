import { z } from 'zod';
import type { CareStatus, LinkType } from './people';
import type { NoticeKind } from './notices';

/**
 * Voice: the short guided forms a young person uses to say how things are. Each template is a
 * mood picker first, then choice chips, then optional words. The words shown for every id here
 * live in the interface messages (see components/voice-labels.ts), so templates can be translated.
 */

/** The mood scale, happiest first. Stored by name; the number is only for sorting. */
export const MOODS = ['great', 'good', 'okay', 'sad', 'awful'] as const;
export type Mood = (typeof MOODS)[number];

export const TEMPLATE_IDS = [
	'feeling',
	'visit',
	'worry',
	'good_news',
	'home',
	'plans',
	'complain',
	'express'
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Themes workers tag statements with, and the Board counts. */
export const THEMES = [
	'feelings',
	'safety',
	'home',
	'school',
	'health',
	'family_time',
	'friends',
	'money',
	'work_and_study',
	'plans',
	'something_good',
	'complaint',
	'advocacy',
	'other'
] as const;
export type Theme = (typeof THEMES)[number];

/** The longest a young person's words may be, in characters. */
export const MAX_TEXT = 5000;

export interface ChoiceQuestion {
	kind: 'choice';
	id: string;
	options: readonly string[];
	multiple: boolean;
	required: boolean;
}
export interface TextQuestion {
	kind: 'text';
	id: string;
}
export type Question = ChoiceQuestion | TextQuestion;

/**
 * An answer that must not wait in an inbox. Each one decides, in one place, what happens: whether
 * a safety alert is raised (with escalation), what the worker is told (a notice kind, and the
 * banner on the statement), and what the young person reads once it is sent. The words are
 * messages named `signal_<id>_worker` and `signal_<id>_child`.
 */
export const SIGNALS = {
	/** "I feel unsafe", "Scared", "Not safe": a safety alert, at once, to their workers and the duty manager. */
	unsafe: { raisesAlert: true, notice: 'safety_alert', theme: 'safety' },
	/**
	 * "I'm unhappy where I live": important, and for their worker to act on soon, but not danger.
	 * The worker gets its own notice and a marked statement; no alert, no escalation, and the
	 * young person is not told that anyone thinks they are unsafe.
	 */
	unhappy_home: { raisesAlert: false, notice: 'unhappy_home', theme: 'home' }
} as const satisfies Record<string, { raisesAlert: boolean; notice: NoticeKind; theme: Theme }>;
export type Signal = keyof typeof SIGNALS;

export interface Template {
	id: TemplateId;
	/** Who can use it: plans are for care leavers. */
	for: 'everyone' | 'care_leavers';
	moodRequired: boolean;
	questions: readonly Question[];
	/** Themes a statement of this template always carries. */
	themes: readonly Theme[];
	/**
	 * Answers that are a signal of their own, by question then choice (see SIGNALS): "I am not
	 * safe" raises a safety alert at once; "I'm unhappy where I live" goes to the worker marked.
	 */
	signals: Readonly<Record<string, Readonly<Record<string, Signal>>>>;
	/** Picture mode's own template: sent from /me/express, never listed with the others. */
	express?: true;
}

/**
 * Picture mode: a feeling, then what would help, each one tap on a big picture. The mood the
 * feeling stands for is stored too, so picture-mode statements count with the others.
 */
export const EXPRESS_FEELINGS = [
	'happy',
	'excited',
	'calm',
	'tired',
	'worried',
	'sad',
	'angry',
	'scared'
] as const;
export type ExpressFeeling = (typeof EXPRESS_FEELINGS)[number];

export const EXPRESS_MOOD: Record<ExpressFeeling, Mood> = {
	happy: 'good',
	excited: 'great',
	calm: 'good',
	tired: 'okay',
	worried: 'sad',
	sad: 'sad',
	angry: 'sad',
	scared: 'awful'
};

export const EXPRESS_WANTS = [
	'talk',
	'hug',
	'play',
	'see_family',
	'help_at_school',
	'quiet_time',
	'nothing_needed'
] as const;
export type ExpressWant = (typeof EXPRESS_WANTS)[number];

export const isExpressFeeling = (value: unknown): value is ExpressFeeling =>
	EXPRESS_FEELINGS.includes(value as ExpressFeeling);
export const isExpressWant = (value: unknown): value is ExpressWant =>
	EXPRESS_WANTS.includes(value as ExpressWant);

/**
 * Picture mode asks for a feeling only; the mood it stands for is Hearth's to fill in, whatever
 * mood was sent with it. What `submitStatement` stores, from the form and the offline queue alike.
 */
export function withExpressMood(answers: Record<string, unknown>): Record<string, unknown> {
	const feeling = Array.isArray(answers.feeling) ? answers.feeling[0] : answers.feeling;
	return { ...answers, mood: isExpressFeeling(feeling) ? EXPRESS_MOOD[feeling] : undefined };
}

/** The answers a picture-mode statement stores: the feeling's mood, the feeling, what would help. */
export function expressAnswers(feeling: ExpressFeeling, want: ExpressWant | null): Answers {
	return withExpressMood({ feeling: [feeling], want: want ? [want] : undefined }) as Answers;
}

const choice = (
	id: string,
	options: readonly string[],
	{ multiple = true, required = false } = {}
): ChoiceQuestion => ({ kind: 'choice', id, options, multiple, required });
const words = (id: string): TextQuestion => ({ kind: 'text', id });

export const TEMPLATES: Record<TemplateId, Template> = {
	feeling: {
		id: 'feeling',
		for: 'everyone',
		moodRequired: true,
		questions: [
			choice('feelings', [
				'happy',
				'calm',
				'excited',
				'tired',
				'worried',
				'sad',
				'angry',
				'lonely',
				'scared',
				'unsafe'
			]),
			words('more')
		],
		themes: ['feelings'],
		signals: { feelings: { scared: 'unsafe', unsafe: 'unsafe' } }
	},
	visit: {
		id: 'visit',
		for: 'everyone',
		moodRequired: true,
		questions: [
			choice('talk_about', [
				'home',
				'school',
				'family_time',
				'friends',
				'health',
				'hobbies',
				'money',
				'my_plans',
				'something_else'
			]),
			choice('where', ['at_home', 'go_out', 'dont_mind'], { multiple: false }),
			choice('alone', ['yes', 'no', 'not_sure'], { multiple: false }),
			words('more')
		],
		themes: [],
		signals: {}
	},
	worry: {
		id: 'worry',
		for: 'everyone',
		moodRequired: true,
		questions: [
			choice(
				'about',
				['home', 'school', 'family', 'friends', 'online', 'health', 'money', 'not_safe'],
				{ required: true }
			),
			choice('help', ['talk', 'advice', 'just_know'], { multiple: false }),
			words('more')
		],
		themes: ['feelings'],
		signals: { about: { not_safe: 'unsafe' } }
	},
	good_news: {
		id: 'good_news',
		for: 'everyone',
		moodRequired: true,
		questions: [
			choice('about', ['school', 'home', 'friends', 'family', 'hobby', 'did_something', 'other']),
			words('more')
		],
		themes: ['something_good'],
		signals: {}
	},
	home: {
		id: 'home',
		for: 'everyone',
		moodRequired: true,
		questions: [
			choice('home_is', [
				'like_it',
				'feel_safe',
				'good_food',
				'my_room',
				'rules',
				'people_i_live_with',
				'unhappy_here',
				'unsafe'
			]),
			words('more')
		],
		themes: ['home'],
		signals: { home_is: { unhappy_here: 'unhappy_home', unsafe: 'unsafe' } }
	},
	plans: {
		id: 'plans',
		for: 'care_leavers',
		moodRequired: true,
		questions: [
			choice('area', ['home', 'money', 'work', 'study'], { required: true }),
			choice('need', ['help_now', 'help_soon', 'just_telling'], { multiple: false }),
			words('more')
		],
		themes: ['plans'],
		signals: {}
	},
	complain: {
		id: 'complain',
		for: 'everyone',
		moodRequired: false,
		questions: [
			choice('want', ['complain', 'advocate', 'both'], { multiple: false, required: true }),
			words('more'),
			// Asked of an advocate only: may the advocacy service have their name and words (see
			// agreesToShareWithAdvocacy in complaints.ts; no answer is a no).
			choice('share', ['share_yes', 'share_no'], { multiple: false })
		],
		themes: ['complaint'],
		signals: {}
	},
	express: {
		id: 'express',
		for: 'everyone',
		moodRequired: true,
		questions: [
			choice('feeling', EXPRESS_FEELINGS, { multiple: false, required: true }),
			choice('want', EXPRESS_WANTS, { multiple: false })
		],
		themes: ['feelings'],
		signals: { feeling: { scared: 'unsafe' } },
		express: true
	}
};

export function isTemplateId(value: string): value is TemplateId {
	return (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** The templates a young person can use. */
export function templatesFor(careStatus: CareStatus): Template[] {
	return TEMPLATE_IDS.map((id) => TEMPLATES[id]).filter(
		(template) => !template.express && (template.for === 'everyone' || careStatus === 'care_leaver')
	);
}

/** A template's answers: the mood, chosen chips by question, and words by question. */
export type Answers = { mood?: Mood } & Record<string, string | string[] | undefined>;

/** Error messages are codes; the page turns them into words (see voice-labels.ts). */
export const ANSWER_ERRORS = {
	mood: 'pick_mood',
	choice: 'pick_choice',
	unknownChoice: 'unknown_choice',
	tooLong: 'too_long',
	empty: 'empty'
} as const;

/** The zod schema for one template's answers. Unknown keys are dropped, never stored. */
export function answersSchema(template: Template) {
	const shape: Record<string, z.ZodType> = {
		mood: template.moodRequired
			? z.enum(MOODS, { error: ANSWER_ERRORS.mood })
			: z.enum(MOODS, { error: ANSWER_ERRORS.mood }).optional()
	};
	for (const question of template.questions) {
		if (question.kind === 'text') {
			shape[question.id] = z
				.string({ error: ANSWER_ERRORS.tooLong })
				.trim()
				.max(MAX_TEXT, { error: ANSWER_ERRORS.tooLong })
				.optional()
				.transform((value) => value || undefined);
			continue;
		}
		const one = z.enum(question.options as [string, ...string[]], {
			error: ANSWER_ERRORS.unknownChoice
		});
		let list = z.array(one, { error: ANSWER_ERRORS.choice }).max(question.options.length);
		if (!question.multiple) list = list.max(1, { error: ANSWER_ERRORS.unknownChoice });
		shape[question.id] = question.required
			? list.min(1, { error: ANSWER_ERRORS.choice })
			: list.optional().transform((value) => (value?.length ? value : undefined));
	}
	return z
		.object(shape)
		.refine((answers) => Object.values(answers).some((value) => value !== undefined), {
			error: ANSWER_ERRORS.empty,
			path: ['form']
		});
}

/** One signal in a statement, with the answer that carries it (its words are the answer's own). */
export interface SignalAnswer {
	signal: Signal;
	choice: string;
}

/** The signals these answers carry, one per signal, an alert before anything else. */
export function signalsOf(template: Template, answers: Answers): SignalAnswer[] {
	const found = new Map<Signal, string>();
	for (const [questionId, bySignal] of Object.entries(template.signals)) {
		const picked = answers[questionId];
		const list = Array.isArray(picked) ? picked : picked ? [picked] : [];
		for (const choice of list)
			if (Object.hasOwn(bySignal, choice) && !found.has(bySignal[choice]))
				found.set(bySignal[choice], choice);
	}
	return [...found]
		.map(([signal, choice]) => ({ signal, choice }))
		.sort((a, b) => Number(SIGNALS[b.signal].raisesAlert) - Number(SIGNALS[a.signal].raisesAlert));
}

/** Whether these answers say the young person is not safe. */
export function raisesSafetyAlert(template: Template, answers: Answers): boolean {
	return signalsOf(template, answers).some(({ signal }) => SIGNALS[signal].raisesAlert);
}

/** Themes a statement carries from the start: its template's, and safety when it raised an alert. */
export function startingThemes(template: Template, answers: Answers): Theme[] {
	const themes = new Set<Theme>(template.themes);
	for (const { signal } of signalsOf(template, answers)) themes.add(SIGNALS[signal].theme);
	if (template.id === 'complain') {
		const want = answers.want;
		if (want?.includes('advocate') || want?.includes('both')) themes.add('advocacy');
	}
	return [...themes];
}

/**
 * Who a statement goes to unless the young person picks someone else: their PA when they
 * are a care leaver with one, otherwise their social worker, otherwise the first worker linked.
 */
export function defaultRecipient<T extends { linkType: LinkType }>(
	workers: readonly T[],
	careStatus: CareStatus
): T | undefined {
	const first = (type: LinkType) => workers.find((worker) => worker.linkType === type);
	const preferred =
		careStatus === 'care_leaver'
			? (first('personal_adviser') ?? first('social_worker'))
			: (first('social_worker') ?? first('personal_adviser'));
	return preferred ?? workers[0];
}

/** Link types that may receive statements: people who work with the young person day to day. */
export const RECIPIENT_LINK_TYPES: readonly LinkType[] = [
	'social_worker',
	'personal_adviser',
	'supervising_social_worker',
	'advocate',
	'iro'
];

/** The three receipts a young person sees on each thing they sent. */
export type Receipt = 'sent' | 'read' | 'answered';

export function receiptOf(statement: { readAt: Date | null; answeredAt: Date | null }): Receipt {
	if (statement.answeredAt) return 'answered';
	if (statement.readAt) return 'read';
	return 'sent';
}

/** Default minutes before an unacknowledged safety alert goes to every manager. */
export const DEFAULT_ALERT_MINUTES = 30;

/**
 * When escalation step `step` (1, 2, 3, ...) of an unacknowledged alert is due. Step 1 comes
 * after the council's set time; then every 15 minutes for the next hour; then every hour,
 * for as long as nobody acknowledges it.
 */
export function escalationDueAt(raisedAt: Date, step: number, alertMinutes: number): Date {
	if (step < 1) throw new Error('Escalation steps start at 1');
	const quick = Math.min(step - 1, 4);
	const slow = Math.max(step - 5, 0);
	const minutes = alertMinutes + quick * 15 + slow * 60;
	return new Date(raisedAt.getTime() + minutes * 60_000);
}

/** Whole minutes something has waited, for "waiting 42 minutes". */
export function minutesWaiting(since: Date, now: Date): number {
	return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
}

/** The month a statement counts in, YYYY-MM, in UK time. */
export function ukMonth(date: Date): string {
	return UK_MONTH.format(date).slice(0, 7);
}
const UK_MONTH = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/London',
	year: 'numeric',
	month: '2-digit'
});

/** The last `count` months up to and including the one `now` is in, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
	const [year, month] = ukMonth(now).split('-').map(Number);
	return Array.from({ length: count }, (_, index) => {
		const back = count - 1 - index;
		const date = new Date(Date.UTC(year, month - 1 - back, 1));
		return date.toISOString().slice(0, 7);
	});
}

/** How a safety alert ended, as the member of staff who closed it records it. */
export const ALERT_OUTCOMES = [
	'spoke_safe',
	'visited',
	'emergency_services',
	'safeguarding_referral',
	'moved_somewhere_safe',
	'other'
] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];
