import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
// @ts-expect-error http_ece ships no types; it is the reference implementation of RFC 8188.
import ece from 'http_ece';

/** What a device would show, and what came with it. */
export interface Delivered {
	deviceId: string;
	payload: string;
	/** The encrypted body's length in bytes: all a push service learns about the message. */
	recordBytes: number;
	ttl: string | undefined;
	urgency: string | undefined;
	vapid: { aud: string; sub: string; exp: number };
}

/** How the service answers one post. */
export interface Answer {
	status: number;
	retryAfter?: string;
}

/** A browser's side of a subscription: its key pair and auth secret stay here, like on a phone. */
export interface TestDevice {
	id: string;
	subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
	ecdh: ECDH;
	auth: Buffer;
}

/**
 * A push service on this machine standing in for FCM or Mozilla's: it checks the VAPID JWT
 * (RFC 8292) against the key the sender names, decrypts the aes128gcm body (RFC 8291) with the
 * device's private key, and answers with whatever status a test asks for.
 */
export class LocalPushService {
	readonly delivered: Delivered[] = [];
	readonly refused: { deviceId: string; reason: string }[] = [];
	private readonly devices = new Map<string, TestDevice>();
	private readonly answers = new Map<string, Answer[]>();
	/** When each device was posted to (ms since the epoch), delivered or not. */
	readonly postedAt: { deviceId: string; at: number }[] = [];
	private server!: Server;
	origin = '';
	/** An https agent that trusts this service's own certificate, for the sender. */
	agent!: Agent;

	async start(): Promise<this> {
		// web-push speaks https only, so the stand-in does too, with a certificate made for the run.
		const dir = mkdtempSync(path.join(tmpdir(), 'hearth-push-'));
		const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1',
				'-days',
				'1',
				'-keyout',
				key,
				'-out',
				cert
			],
			{ stdio: 'ignore' }
		);
		const tls = { key: readFileSync(key), cert: readFileSync(cert) };
		this.agent = new Agent({ ca: tls.cert });
		this.server = createServer(tls, (request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk) => chunks.push(chunk));
			request.on('end', () => {
				const deviceId = (request.url ?? '').split('/').pop() ?? '';
				this.postedAt.push({ deviceId, at: Date.now() });
				const { status, retryAfter } = this.handle(
					deviceId,
					request.headers,
					Buffer.concat(chunks)
				);
				response.writeHead(status, retryAfter ? { 'Retry-After': retryAfter } : {}).end();
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	stop(): Promise<void> {
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	/** A new device (browser) with its own keys, subscribed at this service. */
	newDevice(): TestDevice {
		const ecdh = createECDH('prime256v1');
		ecdh.generateKeys();
		const auth = randomBytes(16);
		const id = randomBytes(8).toString('hex');
		const device: TestDevice = {
			id,
			ecdh,
			auth,
			subscription: {
				endpoint: `${this.origin}/push/${id}`,
				keys: {
					p256dh: ecdh.getPublicKey().toString('base64url'),
					auth: auth.toString('base64url')
				}
			}
		};
		this.devices.set(id, device);
		return device;
	}

	/**
	 * The answers for a device, in order; after them, 201. A number is a status; an object adds
	 * a Retry-After header (seconds, or an HTTP date).
	 */
	answerWith(deviceId: string, ...answers: (number | Answer)[]): void {
		this.answers.set(
			deviceId,
			answers.map((answer) => (typeof answer === 'number' ? { status: answer } : answer))
		);
	}

	private handle(deviceId: string, headers: NodeJS.Dict<string | string[]>, body: Buffer): Answer {
		const device = this.devices.get(deviceId);
		if (!device) return { status: 404 };
		const answer = this.answers.get(deviceId)?.shift() ?? { status: 201 };
		if (answer.status !== 201) return answer;
		try {
			const vapid = this.checkVapid(String(headers.authorization ?? ''));
			if (headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
			const payload = ece
				.decrypt(body, {
					version: 'aes128gcm',
					privateKey: device.ecdh,
					authSecret: device.auth.toString('base64url')
				})
				.toString('utf8');
			this.delivered.push({
				deviceId,
				payload,
				recordBytes: body.length,
				ttl: headers.ttl as string | undefined,
				urgency: headers.urgency as string | undefined,
				vapid
			});
			return { status: 201 };
		} catch (error) {
			this.refused.push({ deviceId, reason: (error as Error).message });
			return { status: 401 };
		}
	}

	/** RFC 8292: `vapid t=<ES256 JWT>, k=<P-256 public key>`, signed by that key, for this origin. */
	private checkVapid(authorization: string) {
		const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
		if (!match) throw new Error(`no VAPID authorization: ${authorization}`);
		const [, jwt, k] = match;
		const [header, claims, signature] = jwt.split('.');
		const point = Buffer.from(k, 'base64url');
		if (point.length !== 65 || point[0] !== 4)
			throw new Error('k is not an uncompressed P-256 key');
		const key = createPublicKey({
			key: {
				kty: 'EC',
				crv: 'P-256',
				x: point.subarray(1, 33).toString('base64url'),
				y: point.subarray(33).toString('base64url')
			},
			format: 'jwk'
		});
		const signed = verify(
			'sha256',
			Buffer.from(`${header}.${claims}`),
			{ key, dsaEncoding: 'ieee-p1363' },
			Buffer.from(signature, 'base64url')
		);
		if (!signed) throw new Error('VAPID signature does not verify');
		if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'ES256')
			throw new Error('not ES256');
		const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as {
			aud: string;
			sub: string;
			exp: number;
		};
		const now = Date.now() / 1000;
		if (body.aud !== this.origin) throw new Error(`aud ${body.aud} is not ${this.origin}`);
		if (!(body.exp > now && body.exp <= now + 24 * 3600)) throw new Error('exp out of range');
		if (!/^(mailto:|https:)/.test(body.sub)) throw new Error('sub must be mailto: or https:');
		return body;
	}
}
