import { PARTICIPATION_CODES, type ParticipationCode } from '$lib/domain/reviews';
import { say } from './say';

// Consultation words are interface messages named by the ids in $lib/domain/consultation.
export const reviewQuestion = (id: string) => say(`review_q_${id}`);
export const reviewOption = (option: string) => say(`review_opt_${option}`);
export const reviewError = (code: string) => say(`review_error_${code}`);

/** A participation code with its official meaning, as the IRO chooses it. */
export const codeLabel = (code: ParticipationCode) => `${code}: ${PARTICIPATION_CODES[code]}`;
