/** Every role a person can hold in Hearth. */
export const ROLES = [
	'young_person',
	'forum_member',
	'worker',
	'iro',
	'manager',
	'participation_officer',
	'board_member',
	'admin'
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = [
	'worker',
	'iro',
	'manager',
	'participation_officer',
	'board_member',
	'admin'
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The four homes; each role has one. */
export type Home = '/me' | '/work' | '/board' | '/admin';

const HOME_OF_ROLE: Record<Role, Home> = {
	young_person: '/me',
	forum_member: '/me',
	worker: '/work',
	iro: '/work',
	manager: '/work',
	participation_officer: '/board',
	board_member: '/board',
	admin: '/admin'
};

/** Which roles may open each protected area. One place for the path-prefix rule. */
export const AREA_ROLES: Record<Home, readonly Role[]> = {
	'/me': ['young_person', 'forum_member'],
	'/work': ['worker', 'iro', 'manager'],
	'/board': ['board_member', 'participation_officer'],
	'/admin': ['admin']
};

/** The homes a person with these roles can go to, in a fixed order. */
export function homesFor(roles: readonly Role[]): Home[] {
	const homes = new Set(roles.map((role) => HOME_OF_ROLE[role]));
	return (['/me', '/work', '/board', '/admin'] as const).filter((home) => homes.has(home));
}

/** Where to send someone after they sign in: their one home, or the chooser. */
export function landingFor(roles: readonly Role[]): string {
	const homes = homesFor(roles);
	if (homes.length === 1) return homes[0];
	return '/home';
}

/** The protected area a path belongs to, if any. */
export function areaOf(pathname: string): Home | null {
	for (const area of Object.keys(AREA_ROLES) as Home[]) {
		if (pathname === area || pathname.startsWith(area + '/')) return area;
	}
	return null;
}

/** Paths inside an area that more roles may open: participation officers edit content under /admin. */
const WIDER_PATHS: [prefix: string, roles: readonly Role[]][] = [
	['/admin/content', ['admin', 'participation_officer']]
];

const under = (pathname: string, prefix: string) =>
	pathname === prefix || pathname.startsWith(prefix + '/');

/** Who may open a path: the roles of its area, or of a wider path inside it; null when it is not protected. */
export function rolesForPath(pathname: string): readonly Role[] | null {
	const wider = WIDER_PATHS.find(([prefix]) => under(pathname, prefix));
	if (wider) return wider[1];
	const area = areaOf(pathname);
	return area ? AREA_ROLES[area] : null;
}

export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
	return roles.some((role) => allowed.includes(role));
}

export function isStaff(roles: readonly Role[]): boolean {
	return hasAnyRole(roles, STAFF_ROLES);
}

/**
 * Who sees every open safety alert, whoever it is about: managers, on duty or not, since any of
 * them may be told by an escalation. Everyone else sees the alerts of the young people they are
 * linked to.
 */
export const SEES_EVERY_ALERT: readonly Role[] = ['manager'];

export function seesEveryAlert(roles: readonly Role[]): boolean {
	return hasAnyRole(roles, SEES_EVERY_ALERT);
}
