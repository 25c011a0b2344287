import type { CareLeaverCategory, Condition, Frequency, OfferArea } from '$lib/domain/offer';
import type { Executor } from '../db';
import { entitlements, pledgePromises, pledgeThemes } from '../db/schema';
import { newId } from '../ids';

// Brightwater's Pledge and Local Offer: invented for the demo, in our own plain words.

export const DEMO_PLEDGE: { title: string; intro: string; promises: string[] }[] = [
	{
		title: 'Listening to you',
		intro: 'You know your life best. We will ask, listen and act.',
		promises: [
			'We will ask what you think before we make decisions about your life.',
			'You can tell us how things are at any time, in the way that suits you.',
			'If you are not happy with something, we will help you complain and take it seriously.',
			'We will tell you what happened because of what you said.'
		]
	},
	{
		title: 'Staying safe',
		intro: 'Feeling safe matters more than anything.',
		promises: [
			'If you tell us you feel unsafe, someone will act the same day.',
			'You will always know how to reach someone, day or night.',
			'We will help you stay safe online and with people you meet.',
			'You can have an advocate to speak up for you if you want one.'
		]
	},
	{
		title: 'Where you live',
		intro: 'A home where you feel settled and wanted.',
		promises: [
			'We will try hard to keep you living near your school, friends and family.',
			'You will visit a new home before you move, unless it is an emergency.',
			'We will not move you without telling you why.',
			'Your room will feel like yours, with space for your own things.'
		]
	},
	{
		title: 'Being healthy',
		intro: 'Looking after your body and your mind.',
		promises: [
			'You will have a health check every year, and you can choose who is there.',
			'If you are struggling with how you feel, we will find you someone to talk to quickly.',
			'You will be registered with a doctor and a dentist wherever you live.',
			'We will help you do sport and activities you enjoy.'
		]
	},
	{
		title: 'School, learning and fun',
		intro: 'Doing your best and enjoying it.',
		promises: [
			'Your school will have a plan to help you learn, and you will help write it.',
			'We will pay for school trips so you never miss out.',
			'You can have extra tutoring if you want it.',
			'We will celebrate what you achieve, big and small.'
		]
	},
	{
		title: 'Family and friends',
		intro: 'The people who matter to you.',
		promises: [
			'We will help you keep in touch with your brothers and sisters.',
			'You can have sleepovers with friends, checked in the same way as for any other child.',
			'Family time will be planned with you, not just for you.',
			'We will help you know your own story and why you came into care.'
		]
	},
	{
		title: 'Growing up and moving on',
		intro: 'Getting ready for adult life, at your pace.',
		promises: [
			'You will have a personal adviser from 16 who stays with you until you are 25.',
			'You will not have to leave your home before you are ready.',
			'We will help you learn to cook, budget and look after a home.',
			'You will have your documents, like your birth certificate and passport, before you leave care.'
		]
	},
	{
		title: 'Keeping our word',
		intro: 'Promises only count if they are kept.',
		promises: [
			'Your worker will come when they say they will, or tell you why not.',
			'We will answer your messages within two working days.',
			'Councillors will hear every year how well we kept these promises.',
			'You can tell us here whether each promise is kept for you.'
		]
	}
];

export interface DemoEntitlement {
	slug: string;
	area: OfferArea;
	title: string;
	summary: string;
	details: string;
	amountPounds?: number;
	frequency?: Frequency;
	statutory: boolean;
	categories?: CareLeaverCategory[];
	fromAge?: number;
	untilAge?: number;
	conditions?: Condition[];
	howToGet: string;
	contact?: string;
}

const LEAVING_CARE: CareLeaverCategory[] = ['eligible', 'relevant', 'former_relevant'];
const CARE_LEAVERS_TEAM =
	'Brightwater Leaving Care Team, 01632 960 150, leavingcare@brightwater.example';

export const DEMO_OFFER: DemoEntitlement[] = [
	// Health and wellbeing
	{
		slug: 'health-history',
		area: 'health_wellbeing',
		title: 'Your health history',
		summary: 'A copy of your health history to keep, so you know about your own health.',
		details:
			'Before you leave care we give you a summary of your health: your vaccinations, any conditions, and who to contact. It belongs to you.\n\nYou can ask for it to be updated at any time.',
		statutory: true,
		fromAge: 16,
		untilAge: 25,
		howToGet:
			'Ask your PA or social worker. They will ask the looked-after children nurse to write it with you.'
	},
	{
		slug: 'talking-support',
		area: 'health_wellbeing',
		title: 'Someone to talk to',
		summary: 'Free counselling or talking support, usually within four weeks.',
		details:
			'If you feel low, anxious or stuck, we will pay for sessions with a counsellor you get on with. You can stop or change counsellor if it is not working.',
		statutory: false,
		untilAge: 25,
		howToGet: 'Tell your PA or worker, or ask in Hearth. You do not have to say why.'
	},
	{
		slug: 'leisure-pass',
		area: 'health_wellbeing',
		title: 'Free leisure pass',
		summary: 'Free entry to Brightwater pools, gyms and sports halls.',
		details:
			'Your pass covers swimming, the gym and most classes at every Brightwater leisure centre.',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		conditions: ['lives_in_area'],
		howToGet: 'Your PA orders the card for you. It arrives by post in about a week.'
	},
	{
		slug: 'prescription-help',
		area: 'health_wellbeing',
		title: 'Help with health costs',
		summary: 'We help you claim free prescriptions, dental care and glasses.',
		details:
			'Many care leavers can get these free through the NHS Low Income Scheme. Your PA will help you fill in the form, and we cover costs while you wait.',
		statutory: false,
		fromAge: 18,
		untilAge: 25,
		howToGet: 'Ask your PA to help with the HC1 form.'
	},
	{
		slug: 'disability-support',
		area: 'health_wellbeing',
		title: 'Extra help if you are disabled',
		summary: 'Support to plan for adult services, equipment and benefits.',
		details:
			'From 16 we work with adult social care so nothing stops at 18. We help you apply for the benefits and equipment you need.',
		statutory: true,
		fromAge: 16,
		untilAge: 25,
		conditions: ['disabled'],
		howToGet: 'Your PA will arrange a planning meeting with you.'
	},
	// Relationships
	{
		slug: 'personal-adviser',
		area: 'relationships',
		title: 'A personal adviser (PA)',
		summary: 'Your own PA to help with anything, from 16 until you are 25.',
		details:
			'Your PA helps you plan, sorts out problems and is on your side. You can ask for a different PA if it is not working.',
		statutory: true,
		categories: LEAVING_CARE,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'You get a PA automatically. If you left and want one back before 25, just ask.',
		contact: CARE_LEAVERS_TEAM
	},
	{
		slug: 'staying-put',
		area: 'relationships',
		title: 'Staying with your foster carers after 18',
		summary: 'You can stay living with your foster family until you are 21 if you all agree.',
		details:
			'This is called Staying Put. We keep paying your foster carers so you do not have to move out at 18.',
		statutory: true,
		categories: ['former_relevant'],
		fromAge: 18,
		untilAge: 21,
		howToGet: 'Talk to your PA and foster carers before your 18th birthday so it is planned.'
	},
	{
		slug: 'family-travel',
		area: 'relationships',
		title: 'Travel to see family',
		summary: 'Up to £200 a year for travel to see brothers, sisters and family.',
		details: 'We pay train or bus fares so distance does not get in the way.',
		amountPounds: 200,
		frequency: 'yearly',
		statutory: false,
		untilAge: 25,
		howToGet: 'Ask your PA or worker before you travel. Keep your tickets.'
	},
	{
		slug: 'mentor',
		area: 'relationships',
		title: 'A mentor',
		summary: 'A trained volunteer who meets you for a coffee and a chat.',
		details:
			'Mentors are not social workers. They are people who want to help, often care experienced themselves.',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'Ask your PA to put you forward. We match you within a month.'
	},
	{
		slug: 'advocate',
		area: 'relationships',
		title: 'An advocate',
		summary: 'Someone independent to speak up for you, for free.',
		details:
			"An advocate helps you say what you want in meetings or complaints. They do not work for children's services.",
		statutory: true,
		untilAge: 25,
		howToGet: 'Ask in Hearth, or call the advocacy service.',
		contact: 'Brightwater Advocacy, 0800 123 4567 (free)'
	},
	// Education and training
	{
		slug: 'higher-education-bursary',
		area: 'education_training',
		title: 'Higher education bursary',
		summary: '£2,000 towards university or college costs.',
		details:
			'Paid in instalments while you study for a degree or similar. It is on top of student finance.',
		amountPounds: 2000,
		frequency: 'once',
		statutory: true,
		categories: ['former_relevant'],
		untilAge: 25,
		conditions: ['higher_education'],
		howToGet: 'Send your PA your offer letter or proof you are enrolled.'
	},
	{
		slug: 'holiday-housing',
		area: 'education_training',
		title: 'Somewhere to live in university holidays',
		summary: 'We make sure you have a home when halls close.',
		details:
			'We pay for you to stay in halls, with your former carers, or somewhere else safe during the holidays.',
		statutory: true,
		categories: ['former_relevant'],
		untilAge: 25,
		conditions: ['higher_education'],
		howToGet: 'Tell your PA your term dates at the start of each year.'
	},
	{
		slug: 'education-allowance',
		area: 'education_training',
		title: 'Learning allowance',
		summary: '£30 a week while you are in education or training.',
		details: 'Paid every two weeks while you attend. It stops if you leave the course.',
		amountPounds: 30,
		frequency: 'weekly',
		statutory: false,
		fromAge: 16,
		untilAge: 21,
		conditions: ['education_or_training'],
		howToGet: 'Your PA sets it up once your college confirms you have started.'
	},
	{
		slug: 'study-laptop',
		area: 'education_training',
		title: 'A laptop for study',
		summary: 'A laptop worth up to £400 for your course.',
		details: 'One laptop while you are studying, with a carry case and basic software.',
		amountPounds: 400,
		frequency: 'once',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		conditions: ['education_or_training'],
		howToGet: 'Ask your PA. We order it for you.'
	},
	{
		slug: '16-19-bursary',
		area: 'education_training',
		title: '16 to 19 bursary',
		summary: 'Up to £1,200 a year from your school or college.',
		details:
			'This national bursary helps with travel, books and equipment. Young people in or leaving care always qualify.',
		amountPounds: 1200,
		frequency: 'yearly',
		statutory: true,
		fromAge: 16,
		untilAge: 19,
		conditions: ['education_or_training'],
		howToGet: "Ask your college's student support office. Your PA can help."
	},
	{
		slug: 'driving-lessons',
		area: 'education_training',
		title: 'Driving lessons',
		summary: 'Up to £500 towards driving lessons and your test.',
		details: 'Being able to drive opens up jobs and training. We pay the instructor directly.',
		amountPounds: 500,
		frequency: 'once',
		statutory: false,
		fromAge: 17,
		untilAge: 25,
		howToGet: 'Get a provisional licence first, then ask your PA.'
	},
	// Employment
	{
		slug: 'apprenticeship-bursary',
		area: 'employment',
		title: 'Apprenticeship bursary',
		summary: 'A one-off £3,000 when you start an apprenticeship.',
		details:
			'The government pays this bursary to care leavers starting an apprenticeship, on top of your wages.',
		amountPounds: 3000,
		frequency: 'once',
		statutory: true,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'Your employer and training provider claim it. Tell them you are a care leaver.'
	},
	{
		slug: 'guaranteed-interview',
		area: 'employment',
		title: 'Guaranteed interview for council jobs',
		summary: 'If you meet the basics for a Brightwater job, you get an interview.',
		details: 'Tick the care leaver box on the application. We also help you prepare.',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'Apply on the council jobs page and tick the care leaver box.'
	},
	{
		slug: 'interview-costs',
		area: 'employment',
		title: 'Clothes and travel for interviews',
		summary: 'Up to £150 for interview clothes and travel.',
		details: 'First impressions matter. We help you look and feel ready.',
		amountPounds: 150,
		frequency: 'once',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'Ask your PA when you get an interview.'
	},
	{
		slug: 'work-experience',
		area: 'employment',
		title: 'Paid work experience',
		summary: 'Six weeks of paid work experience with the council.',
		details: 'Try out a job in parks, libraries, offices or IT, paid at the real living wage.',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'Ask your PA to put you forward. Places open three times a year.'
	},
	// Accommodation
	{
		slug: 'setting-up-home',
		area: 'accommodation',
		title: 'Setting up home allowance',
		summary: '£3,200 to furnish and equip your first home.',
		details:
			'For furniture, a bed, white goods, kitchen things and bedding. You can spend it over time, not all at once.',
		amountPounds: 3200,
		frequency: 'once',
		statutory: true,
		categories: LEAVING_CARE,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'Make a list with your PA. We buy with you or pay suppliers directly.'
	},
	{
		slug: 'housing-priority',
		area: 'accommodation',
		title: 'Priority for council housing',
		summary: "Care leavers get priority on Brightwater's housing register.",
		details:
			'You are placed in a high band so you can bid for a council or housing association home.',
		statutory: false,
		categories: ['former_relevant', 'relevant'],
		fromAge: 18,
		untilAge: 25,
		conditions: ['lives_in_area'],
		howToGet: 'Your PA registers you and confirms you are a care leaver.'
	},
	{
		slug: 'rent-deposit',
		area: 'accommodation',
		title: 'Rent deposit and guarantor',
		summary: 'We pay your deposit and act as guarantor for a private rented home.',
		details:
			'Landlords often ask for a deposit and a guarantor. We do both so you are not left out.',
		statutory: false,
		fromAge: 18,
		untilAge: 25,
		howToGet: 'Find a home with your PA, who arranges the paperwork.'
	},
	{
		slug: 'supported-lodgings',
		area: 'accommodation',
		title: 'Supported lodgings',
		summary: 'A room in a family home with support, while you learn to live on your own.',
		details:
			'Hosts are checked and trained. You have your own room and help with cooking and budgeting.',
		statutory: false,
		fromAge: 16,
		untilAge: 21,
		howToGet: 'Talk to your PA or social worker about whether it suits you.'
	},
	{
		slug: 'staying-close',
		area: 'accommodation',
		title: 'Staying Close',
		summary: "Live near your children's home and keep the staff you know.",
		details:
			"If you lived in a children's home, you can move to a nearby flat and keep support from staff you trust.",
		statutory: true,
		categories: ['former_relevant'],
		fromAge: 18,
		untilAge: 25,
		howToGet: "Plan it with your PA and your home's manager before you turn 18."
	},
	// Participation in society
	{
		slug: 'care-leavers-forum',
		area: 'participation',
		title: "Care leavers' forum",
		summary: 'Meet other care leavers and change things. £15 voucher each meeting.',
		details:
			'The forum meets monthly with food and travel paid. What you say goes to the Corporate Parenting Board.',
		amountPounds: 15,
		frequency: 'monthly',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'Join through Hearth or ask the participation team.',
		contact: 'Brightwater Participation Team, participation@brightwater.example'
	},
	{
		slug: 'id-documents',
		area: 'participation',
		title: 'Your ID documents',
		summary: 'We pay for your passport or provisional driving licence and birth certificate.',
		details:
			'You need ID to open a bank account, rent a home and start work. We pay and help with the forms.',
		amountPounds: 100,
		frequency: 'once',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'Ask your PA. It is best done before you are 18.'
	},
	{
		slug: 'immigration-advice',
		area: 'participation',
		title: 'Immigration and legal advice',
		summary: 'Free help from a qualified immigration adviser.',
		details:
			'We pay for a solicitor or adviser to help with your claim or status, and an interpreter if you need one.',
		statutory: false,
		untilAge: 25,
		conditions: ['unaccompanied_asylum_seeker'],
		howToGet: 'Your PA or social worker refers you. It is confidential.'
	},
	{
		slug: 'support-in-custody',
		area: 'participation',
		title: 'Support if you are in custody',
		summary: 'Your PA keeps visiting and plans for when you come out.',
		details:
			'You are still a care leaver. Your PA visits, keeps your plan going and sorts out somewhere to live for when you leave.',
		statutory: true,
		categories: LEAVING_CARE,
		untilAge: 25,
		conditions: ['in_custody'],
		howToGet: 'This happens automatically. Ask your PA if you want more visits.'
	},
	// Money
	{
		slug: 'council-tax',
		area: 'money',
		title: 'No council tax until 25',
		summary: 'Brightwater pays your council tax until your 25th birthday.',
		details:
			'If you live in Brightwater and pay council tax, we cover it in full until you are 25.',
		statutory: false,
		categories: ['relevant', 'former_relevant'],
		fromAge: 18,
		untilAge: 25,
		conditions: ['lives_in_area'],
		howToGet: 'Your PA tells the council tax team. You should not get a bill.'
	},
	{
		slug: 'living-allowance',
		area: 'money',
		title: 'Weekly living allowance at 16 and 17',
		summary: '£72.50 a week for food, travel and personal things.',
		details:
			'If you have left care at 16 or 17, we pay a weekly allowance as you cannot usually claim benefits yet.',
		amountPounds: 72.5,
		frequency: 'weekly',
		statutory: true,
		categories: ['relevant'],
		fromAge: 16,
		untilAge: 18,
		howToGet: 'Your PA sets it up. It is paid every Friday.'
	},
	{
		slug: 'junior-isa',
		area: 'money',
		title: 'Your Junior ISA',
		summary: 'Money saved for you while you were in care, yours at 18.',
		details: 'The government put money in a Junior ISA for you. At 18 it becomes yours.',
		statutory: true,
		fromAge: 18,
		untilAge: 25,
		howToGet:
			"Ask your PA for the provider's details. You can also check online with The Share Foundation."
	},
	{
		slug: 'birthday-gifts',
		area: 'money',
		title: 'Birthday and festival money',
		summary: '£50 for your birthday and £50 for a festival you celebrate.',
		details: 'Because everyone should have something to open.',
		amountPounds: 100,
		frequency: 'yearly',
		statutory: false,
		untilAge: 21,
		howToGet: 'Paid automatically. Tell your PA which festival you celebrate.'
	},
	{
		slug: 'bank-account',
		area: 'money',
		title: 'Help with a bank account and budgeting',
		summary: 'Help opening a bank account and a budgeting course with a £25 reward.',
		details:
			'We help you open an account and learn to budget. Finish the short course and get £25.',
		amountPounds: 25,
		frequency: 'once',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		howToGet: 'Ask your PA to book you on the next course.'
	},
	{
		slug: 'young-parent-grant',
		area: 'money',
		title: 'Starting grant for young parents',
		summary: '£250 towards things for your baby.',
		details:
			'For a pram, cot or car seat. We can also help with childcare costs so you can study or work.',
		amountPounds: 250,
		frequency: 'once',
		statutory: false,
		fromAge: 16,
		untilAge: 25,
		conditions: ['young_parent'],
		howToGet: 'Tell your PA. You can ask before your baby is born.'
	}
];

/** Load Brightwater's demo Pledge and Offer into an empty database. */
export function insertDemoContent(db: Executor, now: Date): void {
	DEMO_PLEDGE.forEach((theme, themeIndex) => {
		const themeId = newId();
		db.insert(pledgeThemes)
			.values({
				id: themeId,
				title: theme.title,
				intro: theme.intro,
				position: themeIndex,
				updatedAt: now
			})
			.run();
		theme.promises.forEach((text, position) => {
			db.insert(pledgePromises)
				.values({ id: newId(), themeId, text, position, updatedAt: now })
				.run();
		});
	});
	DEMO_OFFER.forEach((item, position) => {
		db.insert(entitlements)
			.values({
				id: newId(),
				slug: item.slug,
				area: item.area,
				title: item.title,
				summary: item.summary,
				details: item.details,
				amountPence: item.amountPounds === undefined ? null : Math.round(item.amountPounds * 100),
				frequency: item.frequency ?? null,
				statutory: item.statutory,
				categories: item.categories ?? [],
				fromAge: item.fromAge ?? null,
				untilAge: item.untilAge ?? null,
				conditions: item.conditions ?? [],
				howToGet: item.howToGet,
				contact:
					item.contact ??
					'Your PA or social worker, or Brightwater Children\u2019s Services on 01632 960 100',
				position,
				updatedAt: now
			})
			.run();
	});
}
