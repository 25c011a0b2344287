import { z } from 'zod';
import { optionalPhone } from '$lib/server/http/fields';

/** A member of staff's work phone, set by them or an admin: checked as the council's numbers are. */
export const workPhoneSchema = z.object({ workPhone: optionalPhone });
