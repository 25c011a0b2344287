import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/chromium';
import { DEMO_ORIGIN, DEMO_PORT, EMPTY_PORT } from './tests/e2e/ports';

// Browser tests run against the production build (npm run test:e2e builds first):
// SvelteKit only checks form origins in production. Each run gets fresh data folders.
process.env.HEARTH_E2E_DEMO_DIR ??= mkdtempSync(path.join(tmpdir(), 'hearth-e2e-demo-'));
process.env.HEARTH_E2E_EMPTY_DIR ??= mkdtempSync(path.join(tmpdir(), 'hearth-e2e-empty-'));
process.env.HEARTH_E2E_SETUP_TOKEN ??= 'e2e-setup-token-not-secret';
// Demo people's sessions, signed in once a run and reused (the `as` fixture).
process.env.HEARTH_E2E_SESSIONS_DIR ??= mkdtempSync(path.join(tmpdir(), 'hearth-e2e-sessions-'));

const server = (port: number, script: string, env: Record<string, string>) => ({
	command: `node ${script} --no-build`,
	port,
	reuseExistingServer: false,
	timeout: 60_000,
	env: { PORT: String(port), ORIGIN: `http://localhost:${port}`, HOST: '127.0.0.1', ...env }
});

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	// Journeys sign several people in (argon2 on purpose) and run axe on each page: give a busy machine room.
	timeout: 60_000,
	workers: 2,
	// One retry: on this two-core machine a journey now and then loses a click to a page still
	// loading. A test that passes only on its retry is listed as "flaky" in the report, to be fixed,
	// never ignored; one that fails twice fails the run.
	retries: 1,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: DEMO_ORIGIN,
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
		// A failed test keeps its trace (actions, page snapshots, network, console). Without the
		// screencast, which cost about a tenth of the whole run's CPU.
		trace: { mode: 'retain-on-failure', screenshots: false }
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: [
		server(DEMO_PORT, 'scripts/demo.js', {
			HEARTH_DATA_DIR: process.env.HEARTH_E2E_DEMO_DIR,
			// The browser tests' stand-in push subscriptions point at this machine.
			HEARTH_PUSH_ALLOW_LOOPBACK: '1'
			// No test clock here: tests that move the clock have a Hearth of their own, so the
			// shared demo's time is the same for every test running at once.
		}),
		server(EMPTY_PORT, 'scripts/serve.js', {
			HEARTH_DATA_DIR: process.env.HEARTH_E2E_EMPTY_DIR,
			HEARTH_SETUP_TOKEN: process.env.HEARTH_E2E_SETUP_TOKEN
		})
	]
});
