import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	DEFAULT_SETTINGS,
	getCouncilSettings,
	saveCouncilSettings
} from '$lib/server/council/settings';
import { LOGO_MAX_BYTES, imageKind, saveSettingsWithLogo } from '$lib/server/council/logo';
import { freshDb, makeStaff } from './db';

const NOW = new Date('2026-03-02T10:00:00Z');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9]);
const WEBP = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ');
const OLD_LOGO = 'council-logo.png';
const OLD_BYTES = 'the logo in use';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A council with a logo in use, its file in a data folder of its own. */
function council() {
	const db = freshDb();
	const dir = mkdtempSync(path.join(tmpdir(), 'hearth-logo-'));
	dirs.push(dir);
	const settings = {
		name: 'Testshire',
		...DEFAULT_SETTINGS,
		phone: null,
		outOfHoursPhone: null,
		email: null
	};
	saveCouncilSettings(db, null, { ...settings, logoFile: OLD_LOGO }, NOW);
	writeFileSync(path.join(dir, OLD_LOGO), OLD_BYTES);
	const admin = makeStaff(db, 'priya', ['admin']);
	const chair = makeStaff(db, 'cllr', ['board_member']);
	const worker = makeStaff(db, 'sam', ['worker']);
	const saved = () => getCouncilSettings(db)!;
	return { db, dir, admin, chair, worker, settings, saved };
}

const files = (dir: string) => readdirSync(dir).sort();

describe('the council logo', () => {
	it('knows an image by its bytes, whatever it is called', () => {
		expect(imageKind(PNG)).toBe('png');
		expect(imageKind(JPG)).toBe('jpg');
		expect(imageKind(WEBP)).toBe('webp');
		expect(imageKind(new TextEncoder().encode('<svg onload="alert(1)">'))).toBeNull();
		expect(imageKind(new Uint8Array())).toBeNull();
	});

	it('keeps the old logo, on disk and in the settings, when another field is refused', async () => {
		const { db, dir, admin, worker, settings, saved } = council();
		const result = await saveSettingsWithLogo(
			db,
			admin,
			{ ...settings, name: 'Renamed', boardChairId: worker },
			{ upload: PNG, remove: false },
			dir,
			NOW
		);
		expect(result).toEqual({ ok: false, problem: 'boardChairId' });
		expect(files(dir)).toEqual([OLD_LOGO]);
		expect(readFileSync(path.join(dir, OLD_LOGO), 'utf8')).toBe(OLD_BYTES);
		expect(saved()).toMatchObject({ logoFile: OLD_LOGO, name: 'Testshire' });
	});

	it('refuses what is not an image, or is too big, and changes nothing', async () => {
		const { db, dir, admin, settings, saved } = council();
		const tooBig = new Uint8Array(LOGO_MAX_BYTES + 1);
		tooBig.set(PNG);
		for (const upload of [new TextEncoder().encode('GIF89a'), tooBig]) {
			const result = await saveSettingsWithLogo(
				db,
				admin,
				{ ...settings, name: 'Renamed' },
				{ upload, remove: true },
				dir,
				NOW
			);
			expect(result).toEqual({ ok: false, problem: 'logo' });
		}
		expect(files(dir)).toEqual([OLD_LOGO]);
		expect(saved()).toMatchObject({ logoFile: OLD_LOGO, name: 'Testshire' });
	});

	it('puts a new logo in place with the other settings, then lets the old one go', async () => {
		const { db, dir, admin, chair, settings, saved } = council();
		const later = new Date('2026-03-03T10:00:00Z');
		const result = await saveSettingsWithLogo(
			db,
			admin,
			{ ...settings, name: 'Renamed', boardChairId: chair },
			{ upload: PNG, remove: false },
			dir,
			later
		);
		expect(result).toEqual({ ok: true });
		const now = saved();
		expect(now).toMatchObject({ name: 'Renamed', boardChairId: chair, updatedAt: later });
		expect(now.logoFile).toMatch(/^council-logo-[a-z0-9]+\.png$/);
		expect(files(dir)).toEqual([now.logoFile]);
		expect(new Uint8Array(readFileSync(path.join(dir, now.logoFile!)))).toEqual(PNG);
	});

	it('takes the logo away, file and all, and keeps it when nothing is asked', async () => {
		const { db, dir, admin, settings, saved } = council();
		const keep = { upload: null, remove: false };
		expect(await saveSettingsWithLogo(db, admin, settings, keep, dir, NOW)).toEqual({ ok: true });
		expect(saved().logoFile).toBe(OLD_LOGO);
		expect(files(dir)).toEqual([OLD_LOGO]);
		const remove = { upload: null, remove: true };
		expect(await saveSettingsWithLogo(db, admin, settings, remove, dir, NOW)).toEqual({ ok: true });
		expect(saved().logoFile).toBeNull();
		expect(files(dir)).toEqual([]);
	});

	it('removes the new file and keeps the old when the database refuses the change', async () => {
		const { db, dir, admin, settings, saved } = council();
		db.$client.exec(
			"create trigger refuse before update on council_settings begin select raise(abort, 'disk full'); end"
		);
		await expect(
			saveSettingsWithLogo(db, admin, settings, { upload: JPG, remove: false }, dir, NOW)
		).rejects.toThrow('disk full');
		expect(files(dir)).toEqual([OLD_LOGO]);
		expect(readFileSync(path.join(dir, OLD_LOGO), 'utf8')).toBe(OLD_BYTES);
		expect(saved().logoFile).toBe(OLD_LOGO);
	});
});
