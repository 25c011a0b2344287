/** Every role a person can hold in Hearth. */
export const ROLES = [
	'young_person',
	'forum_member',
	'worker',
	'iro',
	'manager',
	'participation_officer',
	'board_member',
	'admin',
	'complaints_manager'
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = [
	'worker',
	'iro',
	'manager',
	'participation_officer',
	'board_member',
	'admin',
	'complaints_manager'
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

const YOUNG_PEOPLE = ['young_person', 'forum_member'] as const satisfies readonly Role[];
const RECORD_STAFF = ['worker', 'iro', 'manager'] as const satisfies readonly Role[];
const BOARD = ['board_member', 'participation_officer'] as const satisfies readonly Role[];
const EDITORS = ['admin', 'participation_officer'] as const satisfies readonly Role[];

/**
 * Who may do what, by name: the one table of access in Hearth. A route, a handler or a page asks
 * for a capability (`ctx.can('editContent')`), never for a role, so changing who may do a thing is
 * one line here. Rules that also depend on a link to a young person (a worker reads only their own
 * young people's records) add that check on top: see `mayOpenRecord` in record-access.ts.
 */
export const CAPABILITIES = {
	/** The young person's own pages (/me): their Pledge, Offer, voice, reviews, forum. */
	useMyPages: YOUNG_PEOPLE,
	/** Raise "I feel unsafe" (also allowed on a locked device: see askForHelp in the handlers). */
	askForHelp: YOUNG_PEOPLE,
	/** The staff area (/work): inbox, young people, reviews; the complaints manager's complaints. */
	useWorkArea: [...RECORD_STAFF, 'complaints_manager'],
	/** Open a young person's record and everything they send (linked staff; managers always). */
	openRecords: RECORD_STAFF,
	/** Open any young person's record without a link, for oversight. */
	openEveryRecord: ['manager'],
	/**
	 * Change a young person's record: the council's child ID, periods of care, where they live,
	 * the last review before Hearth, their forums. With requireRecord: staff linked to them today
	 * and managers. Participation officers run the forums but do not open records, so a child's
	 * worker adds them to a forum with them.
	 */
	editRecords: RECORD_STAFF,
	/** Override the leaving-care category the law gives from the record, saying why. */
	overrideCategory: ['manager'],
	/** See every open safety alert, whoever it is about: any manager may be told by an escalation. */
	seeEveryAlert: ['manager'],
	/** The team overview and who is on duty. */
	manageTeam: ['manager'],
	/** Export the reviews file for the looked-after children return. */
	exportReviews: ['manager'],
	/** See review timeliness across the service: every IRO's and PA's young people, not only one's own. */
	seeReviewTimeliness: ['manager'],
	/** Answer the young people's requests for entitlements (their PA or worker). */
	answerRequests: ['worker'],
	/**
	 * The council's complaints manager (Representations Procedure Regulations 2006, reg 10): read
	 * every young person's complaint and request for an advocate, without a link to them, keep the
	 * stage-1 clock (record an extension or the answer), and pass advocacy requests on.
	 */
	handleComplaints: ['complaints_manager'],
	/** Invite young people to Hearth. */
	inviteYoungPeople: ['worker', 'manager'],
	/** The Board's pages (/board): issues taken to it, actions, meetings, scorecard (aggregates only). */
	seeBoard: BOARD,
	/** Moderate forum issues: approve, decline, merge, answer, take to the Board, raise a concern. */
	moderateIssues: ['participation_officer'],
	/** Run the Board's business: meetings, agendas, minutes, actions (and update any action). */
	runBoard: ['participation_officer'],
	/** Read young people's named comments on the Pledge (the Board sees only counts). */
	readPledgeComments: ['participation_officer'],
	/** Enter the performance team's scorecard figures. */
	enterScorecard: ['participation_officer'],
	/** Edit the Pledge, the Local Offer and their translations (/admin/content). */
	editContent: EDITORS,
	/** Run Hearth (/admin): accounts, staff invitations, settings, languages, the audit log. */
	administer: ['admin'],
	/** Set up a second factor for the account (staff only). */
	useSecondFactor: STAFF_ROLES,
	/** Give one's own work phone, for a duty manager to ring about a safety alert (staff only). */
	giveWorkPhone: STAFF_ROLES
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Whether someone with these roles has the capability. */
export function can(roles: readonly Role[], capability: Capability): boolean {
	const allowed: readonly Role[] = CAPABILITIES[capability];
	return roles.some((role) => allowed.includes(role));
}

/** Every capability these roles give, for the browser to show the right menu (it enforces nothing). */
export function capabilitiesOf(roles: readonly Role[]): Capability[] {
	return (Object.keys(CAPABILITIES) as Capability[]).filter((capability) => can(roles, capability));
}

/** What a young person may do: the menu of a page kept for offline reading, drawn signed out. */
export const YOUNG_PERSON_CAPABILITIES = capabilitiesOf(['young_person']);

/** The four homes; each role has one. */
export type Home = '/me' | '/work' | '/board' | '/admin';

/** The capability each protected area asks for: the path-prefix rule the hook applies. */
export const AREA_CAPABILITY: Record<Home, Capability> = {
	'/me': 'useMyPages',
	'/work': 'useWorkArea',
	'/board': 'seeBoard',
	'/admin': 'administer'
};

/** Paths inside an area that ask for another capability: participation officers edit content under /admin. */
const WIDER_PATHS: [prefix: string, capability: Capability][] = [['/admin/content', 'editContent']];

const HOMES = ['/me', '/work', '/board', '/admin'] as const;

/** The homes a person with these roles can go to, in a fixed order. */
export function homesFor(roles: readonly Role[]): Home[] {
	return HOMES.filter((home) => can(roles, AREA_CAPABILITY[home]));
}

/** Where to send someone after they sign in: their one home, or the chooser. */
export function landingFor(roles: readonly Role[]): string {
	const homes = homesFor(roles);
	if (homes.length === 1) return homes[0];
	return '/home';
}

const under = (pathname: string, prefix: string) =>
	pathname === prefix || pathname.startsWith(prefix + '/');

/** The protected area a path belongs to, if any. */
export function areaOf(pathname: string): Home | null {
	return HOMES.find((home) => under(pathname, home)) ?? null;
}

/** The capability a path asks for: its area's, or a wider path's inside it; null when it is not protected. */
export function capabilityForPath(pathname: string): Capability | null {
	const wider = WIDER_PATHS.find(([prefix]) => under(pathname, prefix));
	if (wider) return wider[1];
	const area = areaOf(pathname);
	return area ? AREA_CAPABILITY[area] : null;
}

export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
	return roles.some((role) => allowed.includes(role));
}

export function isStaff(roles: readonly Role[]): boolean {
	return hasAnyRole(roles, STAFF_ROLES);
}

/** Whether someone is a young person (or a forum member, who is one too). */
export function isYoungPerson(roles: readonly Role[]): boolean {
	return can(roles, 'useMyPages');
}

/**
 * Who sees every open safety alert, whoever it is about: managers, on duty or not, since any of
 * them may be told by an escalation. Everyone else sees the alerts of the young people they are
 * linked to.
 */
export function seesEveryAlert(roles: readonly Role[]): boolean {
	return can(roles, 'seeEveryAlert');
}
