/**
 * The DfE SSDA903 codes for where a looked-after child is placed (PLACE), as the 903 guidance and
 * the open-source 903 validator list them. Checked against the guidance for the collection year
 * 2024 to 2025; each year's guidance may add or retire a code, so check it before each return.
 */
export const PLACEMENT_TYPES = [
	'U1',
	'U2',
	'U3',
	'U4',
	'U5',
	'U6',
	'A3',
	'A4',
	'A5',
	'A6',
	'K1',
	'K2',
	'H5',
	'P1',
	'P2',
	'P3',
	'R1',
	'R2',
	'R3',
	'R5',
	'S1',
	'T0',
	'T1',
	'T2',
	'T3',
	'T4',
	'Z1'
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

/** The DfE SSDA903 codes for why a period of care ended (REC). */
export const END_REASONS = [
	'E11',
	'E12',
	'E13',
	'E14',
	'E15',
	'E16',
	'E17',
	'E2',
	'E3',
	'E41',
	'E45',
	'E46',
	'E47',
	'E48',
	'E4A',
	'E4B',
	'E5',
	'E6',
	'E7',
	'E8',
	'E9'
] as const;
export type EndReason = (typeof END_REASONS)[number];

/** A council's own child ID: letters, digits and a few separators, as case-management systems make them. */
export const COUNCIL_CHILD_ID = /^[A-Za-z0-9][A-Za-z0-9/_-]{0,19}$/;
