// Start the built Hearth server on plain http for this machine, with sensible local defaults.
// In production put Hearth behind https and set ORIGIN (or PROTOCOL_HEADER/HOST_HEADER) yourself.
//
// This process watches Hearth rather than being it: Hearth runs in a child process, and if that
// stops for any reason the watcher starts it again (after 1 s, doubling to 30 s while it keeps
// stopping), so a safety alert's escalation never waits for a person to notice Hearth is down.
// HEARTH_SUPERVISE=0 runs Hearth in this process instead (for a service manager that restarts it).
import { existsSync } from 'node:fs';
import { execSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

process.env.PORT ??= '3000';
process.env.HOST ??= '127.0.0.1';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;

const FIRST_DELAY_MS = 1_000;
const LONGEST_DELAY_MS = 30_000;
/** A child that ran this long was well: the next restart is quick again. */
const STEADY_MS = 60_000;

async function serveHere() {
	await import(new URL('./server.js', import.meta.url).href);
}

function supervise() {
	let delay = FIRST_DELAY_MS;
	let stopping = false;
	/** @type {import('node:child_process').ChildProcess | null} */
	let child = null;
	/** @type {number | undefined} */
	let previousPid;

	const start = () => {
		const startedAt = Date.now();
		/** @type {NodeJS.ProcessEnv} */
		const env = { ...process.env, HEARTH_SERVE_CHILD: '1' };
		// The new process frees the jobs the stopped one had claimed, instead of waiting out their lease.
		if (previousPid) env.HEARTH_PREVIOUS_PID = String(previousPid);
		child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
			env,
			stdio: ['inherit', 'inherit', 'inherit', 'ipc']
		});
		console.log(`[hearth] started Hearth (process ${child.pid})`);
		child.on('exit', (code, signal) => {
			previousPid = child?.pid;
			child = null;
			if (stopping) process.exit(code ?? 0);
			if (Date.now() - startedAt > STEADY_MS) delay = FIRST_DELAY_MS;
			console.error(
				`[hearth] Hearth stopped (${signal ? `signal ${signal}` : `exit code ${code}`}); starting it again in ${delay / 1000} s`
			);
			setTimeout(start, delay);
			delay = Math.min(delay * 2, LONGEST_DELAY_MS);
		});
	};

	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.on(signal, () => {
			stopping = true;
			if (!child) process.exit(0);
			child.kill(signal);
			// A child that will not stop is stopped.
			setTimeout(() => child?.kill('SIGKILL'), 10_000).unref();
		});
	}
	start();
}

if (process.env.HEARTH_SERVE_CHILD === '1') {
	// If the watcher itself is gone (even killed outright), this process goes too, freeing the port.
	process.on('disconnect', () => process.exit(0));
	await serveHere();
} else {
	if (!existsSync('build/handler.js') || process.argv.includes('--build')) {
		console.log('Building Hearth (first start only)...');
		execSync('npx vite build', { stdio: 'inherit' });
	}
	if (process.env.HEARTH_SUPERVISE === '0') await serveHere();
	else supervise();
}
