// Brightwater's demo translations of some of its own words: two Pledge themes and two
// entitlements in Welsh and Arabic. The rest stays in English, so the demo shows both a
// translated item and one that falls back to English with a note. Written for the demo and,
// like every translation here, to be checked by a fluent speaker before real use.

type Words = Record<string, string>;

export const DEMO_THEME_TRANSLATIONS: Record<string, { cy: Words; ar: Words }> = {
	'Listening to you': {
		cy: {
			title: 'Gwrando arnat ti',
			intro: 'Ti sy’n adnabod dy fywyd orau. Byddwn ni’n gofyn, yn gwrando ac yn gweithredu.'
		},
		ar: {
			title: 'نستمع إليك',
			intro: 'أنت تعرف حياتك أكثر من أي أحد. سنسألك ونستمع إليك ونتصرف.'
		}
	},
	'Staying safe': {
		cy: { title: 'Cadw’n ddiogel', intro: 'Mae teimlo’n ddiogel yn bwysicach na dim.' },
		ar: { title: 'أن تبقى آمنًا', intro: 'أن تشعر بالأمان أهم من أي شيء.' }
	}
};

export const DEMO_PROMISE_TRANSLATIONS: Record<string, { cy: string; ar: string }> = {
	'We will ask what you think before we make decisions about your life.': {
		cy: 'Byddwn ni’n gofyn beth rwyt ti’n ei feddwl cyn gwneud penderfyniadau am dy fywyd.',
		ar: 'سنسألك عن رأيك قبل أن نتخذ قرارات تخص حياتك.'
	},
	'You can tell us how things are at any time, in the way that suits you.': {
		cy: 'Gelli di ddweud wrthon ni sut mae pethau unrhyw bryd, yn y ffordd sy’n dy siwtio di.',
		ar: 'يمكنك أن تخبرنا كيف تسير الأمور في أي وقت، وبالطريقة التي تناسبك.'
	},
	'If you are not happy with something, we will help you complain and take it seriously.': {
		cy: 'Os nad wyt ti’n hapus â rhywbeth, byddwn ni’n dy helpu i gwyno ac yn ei gymryd o ddifrif.',
		ar: 'إذا لم تكن راضيًا عن شيء، سنساعدك على تقديم شكوى وسنأخذها بجدية.'
	},
	'We will tell you what happened because of what you said.': {
		cy: 'Byddwn ni’n dweud wrthot ti beth ddigwyddodd oherwydd yr hyn ddywedaist ti.',
		ar: 'سنخبرك بما حدث بسبب ما قلته.'
	},
	'If you tell us you feel unsafe, someone will act the same day.': {
		cy: 'Os wyt ti’n dweud wrthon ni nad wyt ti’n teimlo’n ddiogel, bydd rhywun yn gweithredu’r un diwrnod.',
		ar: 'إذا أخبرتنا أنك لا تشعر بالأمان، سيتصرف أحدٌ في اليوم نفسه.'
	},
	'You will always know how to reach someone, day or night.': {
		cy: 'Byddi di bob amser yn gwybod sut i gysylltu â rhywun, ddydd neu nos.',
		ar: 'ستعرف دائمًا كيف تصل إلى شخص ما، ليلًا أو نهارًا.'
	}
};

export const DEMO_ENTITLEMENT_TRANSLATIONS: Record<string, { cy: Words; ar: Words }> = {
	'setting-up-home': {
		cy: {
			title: 'Lwfans sefydlu cartref',
			summary: '£3,200 i ddodrefnu ac offeru dy gartref cyntaf.',
			details:
				'Ar gyfer dodrefn, gwely, peiriannau golchi ac oergell, pethau cegin a dillad gwely. Gelli di ei wario dros amser, nid i gyd ar unwaith.',
			howToGet:
				'Gwna restr gyda dy gynghorydd personol. Rydyn ni’n prynu gyda ti neu’n talu’r siopau’n uniongyrchol.'
		},
		ar: {
			title: 'منحة تجهيز البيت',
			summary: '3,200 جنيه إسترليني لتأثيث وتجهيز بيتك الأول.',
			details:
				'للأثاث والسرير والأجهزة الكهربائية وأدوات المطبخ والأغطية. يمكنك أن تنفقها على مراحل، لا دفعة واحدة.',
			howToGet: 'اكتب قائمة مع مستشارك الشخصي. نشتري معك أو ندفع للمتاجر مباشرة.'
		}
	},
	'talking-support': {
		cy: {
			title: 'Rhywun i siarad â nhw',
			summary: 'Cwnsela neu gymorth siarad am ddim, fel arfer o fewn pedair wythnos.'
		},
		ar: {
			title: 'شخص تتحدث إليه',
			summary: 'استشارة نفسية أو دعم بالحديث مجانًا، عادةً خلال أربعة أسابيع.'
		}
	}
};
