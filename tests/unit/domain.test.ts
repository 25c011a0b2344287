import { describe, expect, it } from 'vitest';
import { ageOn, isIsoDate, isLinkActiveOn, ukToday } from '$lib/domain/people';
import { areaOf, homesFor, landingFor } from '$lib/domain/roles';
import { suppressBreakdown, suppressCount } from '$lib/domain/suppression';
import { contrastRatio } from '$lib/domain/colour';

describe('ageOn', () => {
	it('counts whole years, turning over on the birthday', () => {
		expect(ageOn('2008-11-22', '2026-11-21')).toBe(17);
		expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
		expect(ageOn('2001-11-23', '2026-11-22')).toBe(24);
		expect(ageOn('2001-11-22', '2026-11-22')).toBe(25);
	});
	it('gives someone born on 29 February their birthday on 1 March in other years', () => {
		expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
		expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
		expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
		expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
	});
});

describe('isIsoDate', () => {
	it('accepts real dates only', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2023-02-29')).toBe(false);
		expect(isIsoDate('2023-13-01')).toBe(false);
		expect(isIsoDate('23-01-01')).toBe(false);
		expect(isIsoDate('2023-01-01T00:00')).toBe(false);
	});
});

describe('ukToday', () => {
	it('uses the UK calendar date, not UTC', () => {
		// 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
		expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
		expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
	});
});

describe('isLinkActiveOn', () => {
	const link = { startsOn: '2026-01-10', endsOn: '2026-03-31' };
	it('counts from the start date and stops on the end date', () => {
		expect(isLinkActiveOn(link, '2026-01-09')).toBe(false);
		expect(isLinkActiveOn(link, '2026-01-10')).toBe(true);
		expect(isLinkActiveOn(link, '2026-03-30')).toBe(true);
		expect(isLinkActiveOn(link, '2026-03-31')).toBe(false);
		expect(isLinkActiveOn({ startsOn: '2026-01-10', endsOn: null }, '2099-01-01')).toBe(true);
	});
});

describe('roles and homes', () => {
	it('sends one-home people straight home and others to the chooser', () => {
		expect(landingFor(['young_person'])).toBe('/me');
		expect(landingFor(['young_person', 'forum_member'])).toBe('/me');
		expect(landingFor(['worker', 'iro'])).toBe('/work');
		expect(landingFor(['participation_officer'])).toBe('/board');
		expect(landingFor(['admin'])).toBe('/admin');
		expect(landingFor(['manager', 'board_member'])).toBe('/home');
		expect(homesFor(['admin', 'worker'])).toEqual(['/work', '/admin']);
	});
	it('knows which area a path is in, and no more', () => {
		expect(areaOf('/work')).toBe('/work');
		expect(areaOf('/work/young-people/abc')).toBe('/work');
		expect(areaOf('/workshop')).toBeNull();
		expect(areaOf('/me')).toBe('/me');
		expect(areaOf('/merge')).toBeNull();
		expect(areaOf('/signin')).toBeNull();
	});
});

describe('small-number suppression', () => {
	it('hides counts from 1 to 5 but not 0 or 6', () => {
		expect(suppressCount(0)).toEqual({ kind: 'count', value: 0 });
		expect(suppressCount(1)).toEqual({ kind: 'suppressed', below: 6 });
		expect(suppressCount(5)).toEqual({ kind: 'suppressed', below: 6 });
		expect(suppressCount(6)).toEqual({ kind: 'count', value: 6 });
		expect(suppressCount(9, 10)).toEqual({ kind: 'suppressed', below: 10 });
	});
	it('withholds a second cell when one hidden cell could be worked out from the total', () => {
		expect(suppressBreakdown([3, 40, 12]).parts).toEqual([
			{ kind: 'suppressed', below: 6 },
			{ kind: 'count', value: 40 },
			{ kind: 'withheld' }
		]);
	});
	it('needs no second cell when two are already hidden, or none', () => {
		expect(suppressBreakdown([3, 2, 12]).parts.map((c) => c.kind)).toEqual([
			'suppressed',
			'suppressed',
			'count'
		]);
		expect(suppressBreakdown([30, 12]).parts.map((c) => c.kind)).toEqual(['count', 'count']);
	});
});

describe('contrastRatio', () => {
	it('matches the WCAG figures', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
		expect(contrastRatio('#1f5f5b', '#ffffff')).toBeGreaterThan(4.5);
		expect(contrastRatio('#ffff00', '#ffffff')).toBeLessThan(4.5);
	});
});

describe('capabilityForPath', () => {
	it('lets participation officers edit content under /admin, and nothing else there', async () => {
		const { capabilityForPath, CAPABILITIES } = await import('$lib/domain/roles');
		expect(capabilityForPath('/admin/content/offer')).toBe('editContent');
		expect(CAPABILITIES.editContent).toEqual(['admin', 'participation_officer']);
		expect(capabilityForPath('/admin/contentious')).toBe('administer');
		expect(capabilityForPath('/admin/audit')).toBe('administer');
		expect(capabilityForPath('/board')).toBe('seeBoard');
		expect(CAPABILITIES.seeBoard).toEqual(['board_member', 'participation_officer']);
		expect(capabilityForPath('/offer')).toBeNull();
	});
});
