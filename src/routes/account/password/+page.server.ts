import { eq } from 'drizzle-orm';
import { changePasswordSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { changePassword } from '$lib/server/accounts/accounts';
import { requireUser } from '$lib/server/auth/guard';
import { verifyPassword } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/cookies';
import { invalid, parseForm, text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const formData = await event.request.formData();
		const parsed = parseForm(
			changePasswordSchema,
			{
				currentPassword: text(formData, 'currentPassword'),
				password: text(formData, 'password'),
				passwordAgain: text(formData, 'passwordAgain')
			},
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const db = getDb();
		const row = db
			.select({ hash: users.passwordHash })
			.from(users)
			.where(eq(users.id, user.id))
			.get();
		if (!row || !(await verifyPassword(row.hash, parsed.data.currentPassword))) {
			return invalid(formData, { currentPassword: m.password_wrong() });
		}
		await changePassword(db, user.id, parsed.data.password, undefined);
		// Every session ended, this one too; a fresh one keeps this person signed in here.
		startSession(event, user.id, true);
		return { changed: true };
	}
};
