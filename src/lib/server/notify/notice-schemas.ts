import { z } from 'zod';

/** A notice named in a form: an id as Hearth makes them (anything longer is cut, and matches none). */
export const noticeSchema = z.object({ id: z.string().transform((id) => id.slice(0, 64)) });
