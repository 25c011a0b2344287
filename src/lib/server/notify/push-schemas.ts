import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

/** Bytes in a base64url string, or -1 when it is not one. */
function decodedLength(value: string): number {
	return base64url.test(value) ? Buffer.from(value, 'base64url').length : -1;
}

/** A browser's PushSubscription as JSON: the endpoint and its two public keys. */
export const subscriptionSchema = z.object({
	endpoint: z.url({ protocol: /^https?$/ }).max(2048),
	keys: z.object({
		// An uncompressed P-256 public key is 65 bytes; the auth secret is 16.
		p256dh: z
			.string()
			.max(200)
			.refine((v) => decodedLength(v) === 65, 'p256dh must be a P-256 public key'),
		auth: z
			.string()
			.max(100)
			.refine((v) => decodedLength(v) === 16, 'auth must be 16 bytes')
	}),
	expirationTime: z.number().nullable().optional()
});

export const unsubscribeSchema = z.object({ endpoint: z.string().max(2048) });

const time = z
	.string()
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.error_time() })
	.or(z.literal(''))
	.transform((value) => value || null);

export const preferencesSchema = z
	.object({ pushEnabled: z.boolean(), quietStart: time, quietEnd: time })
	.refine((value) => (value.quietStart === null) === (value.quietEnd === null), {
		path: ['quietEnd'],
		error: () => m.error_quiet_both()
	});

/** Turning notifications off on one device, from the list of one's own devices. */
export const removeDeviceSchema = z.object({ id: z.string().transform((id) => id.slice(0, 64)) });
