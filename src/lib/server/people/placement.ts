import { seal, unsealOptional } from '../crypto/seal';

/** Where a young person lives now and who cares for them: shown only to linked staff and managers. */
export interface Placement {
	address: string;
	carerName: string;
	carerPhone: string;
}

/** Seal a placement for young_people.placement_sealed, as other personal text is kept. */
export function sealPlacement(placement: Placement): string {
	return seal(JSON.stringify(placement));
}

/** Open young_people.placement_sealed; null when none is recorded. */
export function openPlacement(sealed: string | null): Placement | null {
	const opened = unsealOptional(sealed);
	return opened ? (JSON.parse(opened) as Placement) : null;
}
