import { request as requests, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, type SignedIn } from './fixtures';

/**
 * A demo Hearth of a test's own, on its own port and data folder, for tests that kill the
 * server or make objects other tests would trip over. Ports (see ports.ts): crash port(2), matrix port(3),
 * security port(4), bad input port(5), everyone port(6),
 * guessing port(12), outbox port(22), push contact port(32), clock port(70),
 * board suppression port(80), complaints port(77), records port(90).
 */
export class OwnHearth {
	readonly origin: string;
	readonly dataDir: string;
	private children: ChildProcess[] = [];

	constructor(
		readonly port: number,
		name: string,
		private env: Record<string, string> = {}
	) {
		this.origin = `http://localhost:${port}`;
		this.dataDir = mkdtempSync(path.join(tmpdir(), `hearth-${name}-`));
	}

	/**
	 * The `as` fixture, signing people in on this Hearth instead of the shared demo. With `reuse`,
	 * a person signs in once and later tests in the file carry on in that session: only for files
	 * whose tests never sign out, quick-exit, change a password or start "with me" on it.
	 */
	on(as: SignedIn, { reuse = false } = {}): SignedIn {
		return (username, options = {}) => as(username, { baseURL: this.origin, reuse, ...options });
	}

	async start(): Promise<ChildProcess> {
		if (await fetch(`${this.origin}/signin`).catch(() => null))
			throw new Error(`Something is already listening on port ${this.port}`);
		const child = spawn(process.execPath, ['scripts/server.js'], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				ORIGIN: this.origin,
				HEARTH_DATA_DIR: this.dataDir,
				HEARTH_DEMO: '1',
				...this.env
			},
			stdio: 'ignore'
		});
		this.children.push(child);
		for (let i = 0; i < 300; i++) {
			if (child.exitCode !== null) throw new Error('Hearth stopped while starting');
			const up = await fetch(`${this.origin}/signin`).catch(() => null);
			if (up?.ok) return child;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error('Hearth did not start');
	}

	/** Kill every server this started that is still running. */
	stop(): void {
		for (const child of this.children) if (child.exitCode === null) child.kill('SIGKILL');
	}

	/**
	 * A client that is signed in as this person (or signed out, without a name). It asks for
	 * HTML, as a browser does, so form actions answer with real redirects and statuses.
	 */
	async client(username?: string): Promise<APIRequestContext> {
		const api = await requests.newContext({
			baseURL: this.origin,
			extraHTTPHeaders: { origin: this.origin, accept: 'text/html' }
		});
		if (username) {
			const response = await api.post('/signin', {
				form: { username, password: DEMO_PASSWORD },
				headers: { accept: 'text/html' },
				maxRedirects: 0
			});
			if (response.status() !== 303) throw new Error(`Could not sign in as ${username}`);
		}
		return api;
	}

	/** Sign in as this person with a plain request; the session cookie, as `name=value`. */
	async sessionCookie(username: string): Promise<string> {
		const response = await fetch(`${this.origin}/signin`, {
			method: 'POST',
			headers: {
				origin: this.origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ username, password: DEMO_PASSWORD }),
			redirect: 'manual'
		});
		if (response.status !== 303) throw new Error(`Could not sign in as ${username}`);
		return response.headers
			.getSetCookie()
			.find((cookie) => cookie.includes('hearth_session'))!
			.split(';')[0];
	}

	/** Change this Hearth's database while it runs (to stand in for time passing, say). */
	execute(sql: string, ...params: unknown[]): number {
		const db = new Database(path.join(this.dataDir, 'hearth.db'));
		try {
			return db.prepare(sql).run(...params).changes;
		} finally {
			db.close();
		}
	}

	/** Read this Hearth's database (read-only while it runs). */
	query<T>(sql: string, ...params: unknown[]): T[] {
		const db = new Database(path.join(this.dataDir, 'hearth.db'), { readonly: true });
		try {
			return db.prepare(sql).all(...params) as T[];
		} finally {
			db.close();
		}
	}
}
