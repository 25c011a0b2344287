// Start and stop the servers the benchmark measures: Hearth's production build and the bare
// SvelteKit page, each as its own Node process on loopback, so the load generator in this
// process does not share their event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

export interface Running {
	origin: string;
	pid: number;
	stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

async function waitFor(url: string, child: ChildProcess, output: () => string) {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Server stopped early:\n${output()}`);
		try {
			const response = await fetch(url, { redirect: 'manual' });
			if (response.status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`Server at ${url} did not start in 2 minutes:\n${output()}`);
}

/** Run `entry` (a built adapter-node server) on `port` with `env`, and wait until it answers. */
export async function startServer(
	entry: string,
	port: number,
	env: Record<string, string>
): Promise<Running> {
	const origin = `http://localhost:${port}`;
	let log = '';
	const child = spawn(process.execPath, [entry], {
		cwd: ROOT,
		env: {
			...process.env,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (log += chunk));
	child.stderr!.on('data', (chunk) => (log += chunk));
	await waitFor(origin, child, () => log);
	return {
		origin,
		pid: child.pid!,
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await once(child, 'exit');
		}
	};
}

export const HEARTH_ENTRY = path.join(ROOT, 'scripts/server.js');
export const BARE_ENTRY = path.join(ROOT, 'bench/bare/build/index.js');
