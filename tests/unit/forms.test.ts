import { describe, expect, it } from 'vitest';
import { fieldErrors, formValues } from '$lib/server/http/form';
import { joinSchema } from '$lib/server/auth/schemas';
import { settingsSchema } from '$lib/server/accounts/admin-schemas';
import { youngPersonInviteSchema } from '$lib/server/accounts/invite-schemas';
import { newPassword } from '$lib/server/http/fields';
import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/domain/passwords';
import { m } from '$lib/paraglide/messages';

describe('form helpers', () => {
	it('echo what was typed but never passwords or tokens', () => {
		const data = new FormData();
		data.set('username', 'kayla');
		data.set('password', 'secret words');
		data.set('passwordAgain', 'secret words');
		data.set('currentPassword', 'old words');
		data.set('token', 'setup-token');
		data.append('roles', 'iro');
		data.append('roles', 'manager');
		expect(formValues(data)).toEqual({ username: 'kayla', roles: ['iro', 'manager'] });
	});
});

describe('schemas', () => {
	it('take usernames in any case and check passwords match, in plain words', () => {
		const ok = joinSchema.safeParse({
			code: 'x',
			username: ' Kayla.B ',
			password: 'long enough',
			passwordAgain: 'long enough'
		});
		expect(ok.success && ok.data.username).toBe('kayla.b');
		const bad = joinSchema.safeParse({
			code: '',
			username: 'a b',
			password: 'short',
			passwordAgain: 'other'
		});
		expect(bad.success).toBe(false);
		if (bad.success) return;
		expect(fieldErrors(bad.error)).toEqual({
			code: 'Type the code from your card.',
			username: 'Use 3 to 32 letters or numbers, with . - or _ if you like.',
			password: 'Your password needs at least 8 characters.',
			passwordAgain: 'The two passwords are not the same. Type them again.'
		});
	});

	it('take a new password from PASSWORD_MIN to PASSWORD_MAX characters, and say those numbers', () => {
		const error = (password: string) => {
			const result = newPassword.safeParse(password);
			return result.success ? null : fieldErrors(result.error).form;
		};
		// Not in the common list, at every length: letters that spell nothing.
		const of = (length: number) => 'qzvkx'.repeat(length).slice(0, length);
		expect(error(of(PASSWORD_MIN))).toBeNull();
		expect(error(of(PASSWORD_MAX))).toBeNull();
		expect(error(of(PASSWORD_MIN - 1))).toBe(
			`Your password needs at least ${PASSWORD_MIN} characters.`
		);
		expect(error(of(PASSWORD_MAX + 1))).toBe(
			`Your password can't be longer than ${PASSWORD_MAX} characters.`
		);
		expect(m.join_password_hint({ min: PASSWORD_MIN })).toContain(`${PASSWORD_MIN} characters`);
	});

	it('refuse dates of birth in the future or 25 or more years ago', () => {
		const base = {
			preferredName: 'Kayla',
			careStatus: 'in_care',
			leavingCareCategory: 'none',
			councilChildId: '',
			careStartedOn: '2026-11-01',
			legalStatus: 'C2',
			links: []
		};
		const schema = youngPersonInviteSchema('2026-11-22');
		expect(schema.safeParse({ ...base, dateOfBirth: '2013-05-14' }).success).toBe(true);
		expect(schema.safeParse({ ...base, dateOfBirth: '2099-01-01' }).success).toBe(false);
		expect(schema.safeParse({ ...base, dateOfBirth: '1990-01-01' }).success).toBe(false);
		expect(schema.safeParse({ ...base, dateOfBirth: '2013-02-30' }).success).toBe(false);
	});

	it('ask a child in care for the start and legal status of their period of care (reg 33: the first review is due from it)', () => {
		const schema = youngPersonInviteSchema('2026-11-22');
		const child = {
			preferredName: 'Kayla',
			dateOfBirth: '2013-05-14',
			careStatus: 'in_care',
			leavingCareCategory: 'none',
			councilChildId: 'BW-1234',
			careStartedOn: '2026-11-01',
			legalStatus: 'C2',
			links: []
		};
		expect(schema.safeParse(child).success).toBe(true);
		const missing = schema.safeParse({ ...child, careStartedOn: '', legalStatus: '' });
		expect(missing.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
			'careStartedOn',
			'legalStatus'
		]);
		expect(schema.safeParse({ ...child, careStartedOn: '2026-12-01' }).success).toBe(false);
		expect(schema.safeParse({ ...child, councilChildId: 'no spaces please' }).success).toBe(false);
		// A care leaver's history is added on their record afterwards.
		expect(
			schema.safeParse({ ...child, careStatus: 'care_leaver', careStartedOn: '', legalStatus: '' })
				.success
		).toBe(true);
	});

	it('refuse council colours too pale for white text and quick exits that are not https', () => {
		const base = {
			name: 'Brightwater',
			primaryColour: '#1f5f5b',
			accentColour: '#b4451f',
			phone: '',
			outOfHoursPhone: '01632 960 999',
			email: '',
			quickExitUrl: 'https://www.bbc.co.uk/weather',
			alertMinutes: '30',
			smallNumberThreshold: '6',
			staffIdleMinutes: '30',
			staffSessionHours: '12',
			requireSecondFactor: true,
			retentionMonths: '24',
			removeLogo: false
		};
		const ok = settingsSchema.safeParse(base);
		expect(ok.success && ok.data).toMatchObject({
			phone: null,
			email: null,
			outOfHoursPhone: '01632 960 999'
		});
		expect(settingsSchema.safeParse({ ...base, primaryColour: '#ffff00' }).success).toBe(false);
		// Escalation time and the small-number threshold stay within sensible bounds.
		for (const alertMinutes of ['4', '241', '', '30.5', 'soon'])
			expect(settingsSchema.safeParse({ ...base, alertMinutes }).success, alertMinutes).toBe(false);
		// With 2, "fewer than 2" could only mean 1: the label would give the count away.
		for (const smallNumberThreshold of ['1', '2', '21', ''])
			expect(settingsSchema.safeParse({ ...base, smallNumberThreshold }).success).toBe(false);
		// Staff session times and how long words are kept, too.
		for (const staffIdleMinutes of ['4', '241', ''])
			expect(settingsSchema.safeParse({ ...base, staffIdleMinutes }).success).toBe(false);
		for (const staffSessionHours of ['0', '25', '1.5'])
			expect(settingsSchema.safeParse({ ...base, staffSessionHours }).success).toBe(false);
		for (const retentionMonths of ['0', '121', 'forever'])
			expect(settingsSchema.safeParse({ ...base, retentionMonths }).success).toBe(false);
		expect(settingsSchema.safeParse({ ...base, quickExitUrl: 'javascript:alert(1)' }).success).toBe(
			false
		);
		expect(settingsSchema.safeParse({ ...base, quickExitUrl: 'http://example.com' }).success).toBe(
			false
		);
		expect(settingsSchema.safeParse({ ...base, outOfHoursPhone: 'call me' }).success).toBe(false);
	});
});

describe('new passwords', () => {
	const tryPassword = (password: string) =>
		joinSchema.safeParse({ code: 'x', username: 'kayla', password, passwordAgain: password });
	const problem = (password: string) => {
		const result = tryPassword(password);
		return result.success ? null : result.error.issues.map((issue) => issue.message).join(' ');
	};

	it('refuse the most used passwords, whatever their case, with a plain message', () => {
		for (const common of ['password123', 'Password123', 'qwertyuiop', 'iloveyou1', '  12345678  '])
			expect(problem(common), common).toMatch(/Lots of people use that password/);
	});

	it('take any 8 to 128 characters otherwise, with no rules about capitals or symbols', () => {
		for (const fine of [
			'purple kettle on mondays',
			'brightwater',
			'ŵyn bach yn y cae',
			'x'.repeat(128)
		])
			expect(problem(fine), fine).toBeNull();
		expect(problem('short')).toMatch(/at least 8/);
		expect(problem('x'.repeat(129))).toMatch(/longer than 128/);
	});
});
