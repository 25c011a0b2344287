import type { LegalStatus } from '$lib/domain/people';
import type { EndReason, PlacementType } from '$lib/domain/care-codes';

// Staff see each 903 code beside plain words for it, as the IRO sees participation codes: the
// codes are the DfE's, in English, and staff copy them into the council's return.

const LEGAL_STATUS_WORDS: Record<LegalStatus, string> = {
	C1: 'Interim care order',
	C2: 'Full care order',
	D1: 'Freeing order',
	E1: 'Placement order (for adoption)',
	J1: 'Remanded to council or youth detention accommodation',
	J2: 'Placed in council accommodation under PACE (after arrest)',
	J3: 'Sentenced to a supervision order with a residence requirement',
	L1: 'Police protection, in council accommodation',
	L2: 'Emergency protection order',
	L3: 'Child assessment order, in council accommodation',
	V2: 'Accommodated by agreement (section 20), single placement',
	V3: 'Short breaks only, each break recorded',
	V4: 'Short breaks only, recorded as an agreement'
};

const PLACEMENT_WORDS: Record<PlacementType, string> = {
	U1: 'Foster care with a relative or friend, long term',
	U2: 'Foster care with a relative or friend who may adopt (fostering for adoption)',
	U3: 'Foster care with a relative or friend, not long term',
	U4: 'Foster care with another foster carer, long term',
	U5: 'Foster care with another foster carer who may adopt (fostering for adoption)',
	U6: 'Foster care with another foster carer, not long term',
	A3: 'Placed for adoption under a placement order, with their foster carer',
	A4: 'Placed for adoption under a placement order, not with their foster carer',
	A5: 'Placed for adoption with consent, with their foster carer',
	A6: 'Placed for adoption with consent, not with their foster carer',
	K1: 'Secure children’s home',
	K2: 'Children’s home',
	H5: 'Semi-independent or supported accommodation',
	P1: 'Living with their parents or someone with parental responsibility',
	P2: 'Independent living (flat, lodgings, with friends)',
	P3: 'Residential employment',
	R1: 'Residential care home',
	R2: 'Hospital or other health setting',
	R3: 'Family centre or mother and baby unit',
	R5: 'Young offender institution or prison',
	S1: 'Residential school',
	T0: 'Temporary placement (all temporary types)',
	T1: 'Temporary stay in hospital or similar',
	T2: 'Temporary holiday',
	T3: 'Temporary stay with a family member or friend',
	T4: 'Temporary other',
	Z1: 'Other placement'
};

const END_REASON_WORDS: Record<EndReason, string> = {
	E11: 'Adopted (unopposed)',
	E12: 'Adopted (consent dispensed with)',
	E13: 'Went to live with a parent, relative or someone without parental responsibility',
	E14: 'Remand ended',
	E15: 'Age assessment found them to be 18 or over',
	E16: 'Moved abroad',
	E17: 'Aged 18 and stayed with their carers (Staying Put)',
	E2: 'Died',
	E3: 'Care taken over by another council',
	E41: 'Child arrangements (residence) order',
	E45: 'Special guardianship order to former foster carers who are relatives or friends',
	E46: 'Special guardianship order to former foster carers, not relatives or friends',
	E47: 'Special guardianship order to other carers who are relatives or friends',
	E48: 'Special guardianship order to other carers, not relatives or friends',
	E4A: 'Returned home as planned',
	E4B: 'Returned home, not as planned',
	E5: 'Moved to independent living with support',
	E6: 'Moved to independent living without formal support',
	E7: 'Moved to residential care funded by adult social care',
	E8: 'Left care for another reason',
	E9: 'Sentenced to custody'
};

/** A legal status code with its plain words: "C2: Full care order". */
export const legalStatusLabel = (code: LegalStatus): string =>
	`${code}: ${LEGAL_STATUS_WORDS[code]}`;

/** A placement type code with its plain words. */
export const placementTypeLabel = (code: PlacementType): string =>
	`${code}: ${PLACEMENT_WORDS[code]}`;

/** A reason a period of care ended, with its plain words. */
export const endReasonLabel = (code: EndReason): string => `${code}: ${END_REASON_WORDS[code]}`;
