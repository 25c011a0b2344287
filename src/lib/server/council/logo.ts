import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db';
import { newId } from '../ids';
import { boardMembers } from '../people/young-people';
import { getCouncilSettings, saveCouncilSettings, type CouncilSettingsInput } from './settings';

export const LOGO_MAX_BYTES = 200 * 1024;

/** Recognise an image by its first bytes, not by the name or type the browser claims. */
export function imageKind(bytes: Uint8Array): 'png' | 'jpg' | 'webp' | null {
	if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
		return 'png';
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	return null;
}

/** What the admin asked of the logo: a new one (its bytes), to take it away, or neither. */
export interface LogoChoice {
	upload: Uint8Array | null;
	remove: boolean;
}

export type SettingsSaved = { ok: true } | { ok: false; problem: 'logo' | 'boardChairId' };

/**
 * Save the council's settings and its logo, all or nothing. Everything is checked first (the
 * logo's bytes and size, the chair); then the new logo is written under a name of its own, so
 * the one in use is never overwritten; then the settings point at it; only then does the old
 * file go. If the database refuses, the new file is removed and the old one still serves.
 */
export async function saveSettingsWithLogo(
	db: Db,
	actorId: string,
	input: CouncilSettingsInput,
	logo: LogoChoice,
	dir: string,
	now: Date
): Promise<SettingsSaved> {
	const kind = logo.upload ? imageKind(logo.upload) : null;
	if (logo.upload && (!kind || logo.upload.length > LOGO_MAX_BYTES))
		return { ok: false, problem: 'logo' };
	const chair = input.boardChairId ?? null;
	if (chair && !boardMembers(db).some((member) => member.id === chair))
		return { ok: false, problem: 'boardChairId' };

	const oldFile = getCouncilSettings(db)?.logoFile ?? null;
	let newFile = logo.remove ? null : oldFile;
	if (logo.upload) {
		newFile = `council-logo-${newId()}.${kind}`;
		await writeFile(path.join(dir, newFile), logo.upload, { flag: 'wx' });
	}
	try {
		db.transaction((tx) =>
			saveCouncilSettings(tx, actorId, { ...input, boardChairId: chair, logoFile: newFile }, now)
		);
	} catch (problem) {
		if (newFile !== oldFile && newFile) await unlink(path.join(dir, newFile)).catch(() => {});
		throw problem;
	}
	// A file left behind costs a few kilobytes; a missing one breaks every page's header.
	if (oldFile && oldFile !== newFile) await unlink(path.join(dir, oldFile)).catch(() => {});
	return { ok: true };
}
