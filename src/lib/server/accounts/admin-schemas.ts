import { z } from 'zod';
import { HEX_COLOUR, contrastRatio } from '$lib/domain/colour';
import { LINK_TYPES } from '$lib/domain/people';
import { ROLES, STAFF_ROLES } from '$lib/domain/roles';
import { AUDIT_ACTIONS } from '$lib/domain/audit';
import { m } from '$lib/paraglide/messages';
import { councilEmail, isoDate, optionalIsoDate, optionalPhone } from '$lib/server/http/fields';

const colour = z
	.string()
	.trim()
	.regex(HEX_COLOUR, { error: () => m.error_colour() })
	.refine((value) => contrastRatio(value, '#ffffff') >= 4.5, {
		error: () => m.error_colour_contrast()
	});

export const settingsSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, { error: () => m.error_council_required() })
		.max(120),
	primaryColour: colour,
	accentColour: colour,
	phone: optionalPhone,
	outOfHoursPhone: optionalPhone,
	// Push services are given this address (VAPID's contact): see councilEmail.
	email: z.union([z.literal(''), councilEmail]).transform((value) => value || null),
	quickExitUrl: z.url({ protocol: /^https$/, error: () => m.error_url() }).max(300),
	alertMinutes: z.coerce
		.number({ error: () => m.error_alert_minutes() })
		.int({ error: () => m.error_alert_minutes() })
		.min(5, { error: () => m.error_alert_minutes() })
		.max(240, { error: () => m.error_alert_minutes() }),
	smallNumberThreshold: z.coerce
		.number({ error: () => m.error_threshold() })
		.int({ error: () => m.error_threshold() })
		.min(3, { error: () => m.error_threshold() })
		.max(20, { error: () => m.error_threshold() }),
	staffIdleMinutes: z.coerce
		.number({ error: () => m.error_idle_minutes() })
		.int({ error: () => m.error_idle_minutes() })
		.min(5, { error: () => m.error_idle_minutes() })
		.max(240, { error: () => m.error_idle_minutes() }),
	staffSessionHours: z.coerce
		.number({ error: () => m.error_session_hours() })
		.int({ error: () => m.error_session_hours() })
		.min(1, { error: () => m.error_session_hours() })
		.max(24, { error: () => m.error_session_hours() }),
	requireSecondFactor: z.boolean(),
	retentionMonths: z.coerce
		.number({ error: () => m.error_retention_months() })
		.int({ error: () => m.error_retention_months() })
		.min(1, { error: () => m.error_retention_months() })
		.max(120, { error: () => m.error_retention_months() }),
	removeLogo: z.boolean(),
	// The advocacy service "I want an advocate" reaches: an organisation, so no person's name.
	// Left out (a form from before these fields) is the same as left empty.
	advocacyName: z
		.string()
		.trim()
		.max(120, { error: () => m.error_too_long() })
		.optional()
		.transform((value) => value || null),
	advocacyPhone: optionalPhone.optional().transform((value) => value ?? null),
	advocacyEmail: z
		.union([z.literal(''), z.email({ error: () => m.error_email() }).max(200)])
		.optional()
		.transform((value) => value || null)
});

export const accountFilterSchema = z.object({
	search: z.string().trim().max(80).optional().catch(undefined),
	role: z.enum(ROLES).optional().catch(undefined)
});

export const auditFilterSchema = z.object({
	person: z
		.string()
		.trim()
		.max(80)
		.optional()
		.transform((v) => v || undefined),
	action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
	from: optionalIsoDate,
	to: optionalIsoDate,
	page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined)
});

export const addLinkSchema = z.object({
	staffUserId: z
		.string()
		.min(1, { error: () => m.error_link_unknown() })
		.max(64),
	linkType: z.enum(LINK_TYPES, { error: () => m.error_choose_one() }),
	startsOn: isoDate
});

export const endLinkSchema = z.object({ linkId: z.string().min(1).max(64) });

/** The roles ticked for a member of staff: at least one, each a staff role, none twice. */
export const staffRolesSchema = z
	.array(z.enum(STAFF_ROLES))
	.min(1)
	.max(STAFF_ROLES.length)
	.transform((roles) => [...new Set(roles)]);

/** The roles form: one message beside the ticks, whatever is wrong with them. */
export const staffRolesFormSchema = z.object({
	roles: z.array(z.string()).transform((roles, context) => {
		const parsed = staffRolesSchema.safeParse(roles);
		if (parsed.success) return parsed.data;
		context.addIssue({ code: 'custom', message: m.error_choose_one() });
		return z.NEVER;
	})
});

/** Erasing a person: their username typed again, compared where the account is known. */
export const eraseSchema = z.object({ confirm: z.string() });

/** The settings page's form: the settings, the Board's chair, and a logo file when one is chosen. */
export const settingsFormSchema = settingsSchema.extend({
	boardChairId: z.string(),
	logo: z.unknown().transform((file) => (file instanceof File && file.size > 0 ? file : null))
});
