// Lighthouse with its mobile defaults (a mid-range phone on slow 4G, simulated), driving the
// system Chromium through chrome-launcher. Signed-in pages get the session cookie as a header.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LighthouseResult {
	performance: number;
	accessibility: number;
	bestPractices: number;
	/** Milliseconds. */
	lcp: number;
	fcp: number;
	tbt: number;
	cls: number;
	/** Audits that lost points, for fixing: id and title. */
	failing: string[];
}

export async function openLighthouse(chromePath: string, flags: string[]) {
	const userDataDir = mkdtempSync(path.join(tmpdir(), 'hearth-bench-lh-'));
	const chrome = await chromeLauncher.launch({
		chromePath,
		chromeFlags: ['--headless=new', ...flags],
		userDataDir
	});
	return {
		async run(url: string, cookie?: string): Promise<LighthouseResult> {
			const result = await lighthouse(
				url,
				{
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility', 'best-practices'],
					extraHeaders: cookie ? { Cookie: cookie } : undefined
				},
				undefined
			);
			if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
			const { lhr } = result;
			if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
			const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
			const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
			const failing = Object.values(lhr.categories)
				.flatMap((category) => category.auditRefs)
				.filter((ref) => ref.weight > 0)
				.map((ref) => lhr.audits[ref.id])
				.filter((audit) => audit && audit.score !== null && audit.score < 0.9)
				.map((audit) => `${audit.id}: ${audit.title}`);
			return {
				performance: score('performance'),
				accessibility: score('accessibility'),
				bestPractices: score('best-practices'),
				lcp: value('largest-contentful-paint'),
				fcp: value('first-contentful-paint'),
				tbt: value('total-blocking-time'),
				cls: value('cumulative-layout-shift'),
				failing: [...new Set(failing)]
			};
		},
		async close() {
			chrome.kill();
			rmSync(userDataDir, { recursive: true, force: true });
		}
	};
}
