import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The Chromium to test with: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own build (installed on first need where the network allows it).
 */
export function chromiumPath(): string | undefined {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv))
			throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
		return fromEnv;
	}
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	if (existsSync(chromium.executablePath())) return undefined;
	console.log('No Chromium found: installing Playwright’s own.');
	execSync('npx playwright install chromium', { stdio: 'inherit' });
	return undefined;
}

/**
 * Flags for a machine without network: without them Chromium keeps trying to reach Google. The
 * second group saves CPU on a two-core machine, measured on shell and sign-in (31 tests): 133 s
 * of CPU down to 111 s. The GPU process (software drawing with --disable-gpu) runs inside the
 * browser process, and features no test uses are off.
 */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--in-process-gpu',
	'--disable-extensions',
	'--disable-breakpad',
	'--disable-hang-monitor',
	'--password-store=basic',
	'--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,CertificateTransparencyComponentUpdater'
];
